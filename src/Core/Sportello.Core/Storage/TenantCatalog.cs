using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>Reads and writes tenant records in the host store; every write is checked against the version read.</summary>
public sealed class TenantCatalog
{
    private readonly DbContextOptions<HostCatalogDbContext> _options;

    public TenantCatalog(HostStore store)
    {
        var builder = new DbContextOptionsBuilder<HostCatalogDbContext>();
        builder.UseStore(store.Provider, store.ConnectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        _options = builder.Options;
    }

    public async Task<IReadOnlyList<TenantSettings>> LoadAllAsync(CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        var records = await db.Tenants.OrderBy(t => t.Name).ToListAsync(ct);
        return records.Select(ToSettings).ToList();
    }

    public async Task<TenantSettings?> FindAsync(string name, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        var record = await db.Tenants.SingleOrDefaultAsync(t => t.Name == name, ct);
        return record is null ? null : ToSettings(record);
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        return await db.Tenants.AnyAsync(ct);
    }

    /// <summary>
    /// Inserts (when <paramref name="settings"/> has version 0) or updates the record, and returns it with the
    /// next version. Fails with <see cref="DbUpdateConcurrencyException"/> when someone else changed it since.
    /// </summary>
    public async Task<TenantSettings> SaveAsync(TenantSettings settings, DateTime now, CancellationToken ct = default)
    {
        // PostgreSQL keeps microseconds: the copy kept in memory must equal the one read back later.
        now = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
        var saved = settings with
        {
            Version = settings.Version + 1,
            UpdatedUtc = now,
            CreatedUtc = settings.Version == 0 ? now : settings.CreatedUtc,
        };
        var record = ToRecord(saved);
        await using var db = new HostCatalogDbContext(_options);
        if (settings.Version == 0)
        {
            db.Tenants.Add(record);
        }
        else
        {
            db.Tenants.Attach(record);
            db.Entry(record).State = EntityState.Modified;
            db.Entry(record).Property(r => r.Version).OriginalValue = settings.Version;
        }

        await db.SaveChangesAsync(ct);
        return saved;
    }

    private static TenantSettings ToSettings(TenantRecord record) =>
        JsonSerializer.Deserialize<TenantSettings>(record.Settings, SportelloJson.Options)!
            with { Version = record.Version, CreatedUtc = record.CreatedUtc, UpdatedUtc = record.UpdatedUtc };

    private static TenantRecord ToRecord(TenantSettings settings) => new()
    {
        Name = settings.Name,
        State = settings.State.ToString(),
        Version = settings.Version,
        Settings = JsonSerializer.Serialize(settings, SportelloJson.Options),
        CreatedUtc = settings.CreatedUtc,
        UpdatedUtc = settings.UpdatedUtc,
    };
}
