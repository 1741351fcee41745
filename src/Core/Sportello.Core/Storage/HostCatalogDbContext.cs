using Microsoft.EntityFrameworkCore;

namespace Sportello.Core.Storage;

/// <summary>The host store: the tenant catalog, shared by every node.</summary>
internal sealed class HostCatalogDbContext(DbContextOptions<HostCatalogDbContext> options) : DbContext(options)
{
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<CatalogVersionRecord> CatalogVersion => Set<CatalogVersionRecord>();

    public DbSet<ClusterHeartbeat> Heartbeats => Set<ClusterHeartbeat>();

    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();

    /// <summary>Options for short-lived contexts over the host store, untracked: each caller opens one per operation.</summary>
    public static DbContextOptions<HostCatalogDbContext> OptionsFor(HostStore store) =>
        ((DbContextOptionsBuilder<HostCatalogDbContext>)new DbContextOptionsBuilder<HostCatalogDbContext>()
            .UseStore(store.Provider, store.ConnectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking))
            .Options;

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
        modelBuilder.Entity<ClusterHeartbeat>(e =>
        {
            e.ToTable("ClusterHeartbeats");
            e.HasKey(h => h.Id);
        });
        modelBuilder.Entity<Jobs.JobRun>(e =>
        {
            e.ToTable("JobRuns");
            e.HasKey(r => r.Id);
            e.Ignore(r => r.Duration);
        });
        modelBuilder.Entity<CatalogVersionRecord>(e =>
        {
            e.ToTable("CatalogVersion");
            e.HasKey(v => v.Id);
        });
    }
}

internal sealed class CatalogVersionRecord
{
    public int Id { get; set; }
    public long Value { get; set; }
}

public sealed class ClusterHeartbeat
{
    public long Id { get; set; }
    public required string Node { get; set; }
    public DateTime ScheduledUtc { get; set; }
    public DateTime FiredUtc { get; set; }
}
