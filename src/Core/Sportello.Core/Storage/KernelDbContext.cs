using Microsoft.EntityFrameworkCore;
using Sportello.Core.Events;

namespace Sportello.Core.Storage;

/// <summary>The kernel's view of a tenant store: the outbox and each handler's deliveries, the audit log, the files.</summary>
public sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : TenantDbContext(options)
{
    public DbSet<OutboxDelivery> Deliveries => Set<OutboxDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OutboxDelivery>(e =>
        {
            e.ToTable("OutboxDeliveries");
            e.HasKey(d => new { d.MessageId, d.Handler });
            e.Property(d => d.Handler).HasMaxLength(200);
        });
        modelBuilder.Entity<Files.TenantFile>(e =>
        {
            e.ToTable("TenantFiles");
            e.HasKey(f => f.Id);
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<Files.TenantFileContent>(e =>
        {
            e.ToTable("TenantFileContents");
            e.HasKey(c => c.Id);
        });
    }
}
