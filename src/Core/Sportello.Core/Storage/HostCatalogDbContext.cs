using Microsoft.EntityFrameworkCore;

namespace Sportello.Core.Storage;

/// <summary>The host store: the tenant catalog, shared by every node.</summary>
internal sealed class HostCatalogDbContext(DbContextOptions<HostCatalogDbContext> options) : DbContext(options)
{
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcDateTimeConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRecord>(e =>
        {
            e.ToTable("Tenants");
            e.HasKey(t => t.Name);
            e.Property(t => t.Version).IsConcurrencyToken();
        });
    }
}
