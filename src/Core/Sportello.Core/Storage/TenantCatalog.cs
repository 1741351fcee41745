using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>
/// Reads and writes tenant records in the host store. Every write is checked against the version read, and bumps
/// the catalog-wide change counter in the same transaction (the counter's row lock also orders writers from
/// several nodes), stamping the row with it so other nodes can fetch just what changed.
/// </summary>
public sealed class TenantCatalog
{
    private readonly DbContextOptions<HostCatalogDbContext> _options;

    public TenantCatalog(HostStore store) => _options = HostCatalogDbContext.OptionsFor(store);

    public async Task<IReadOnlyList<TenantSettings>> LoadAllAsync(CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        var records = await db.Tenants.OrderBy(t => t.Name).ToListAsync(ct);
        return records.Select(ToSettings).ToList();
    }

    /// <summary>Rows written after catalog version <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<TenantSettings>> LoadChangedAsync(long since, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        var records = await db.Tenants.Where(t => t.ChangeVersion > since).ToListAsync(ct);
        return records.Select(ToSettings).ToList();
    }

    public async Task<IReadOnlyList<string>> LoadNamesAsync(CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        return await db.Tenants.Select(t => t.Name).ToListAsync(ct);
    }

    /// <summary>The catalog-wide change counter: any write anywhere changes it.</summary>
    public async Task<long> VersionAsync(CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        return await db.CatalogVersion.Where(v => v.Id == 1).Select(v => v.Value).SingleAsync(ct);
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

    /// <summary>When each tenant was last asked for something, as the nodes last reported it.</summary>
    public async Task<Dictionary<string, DateTime>> LoadLastRequestsAsync(CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        return await db.Tenants.Where(t => t.LastRequestUtc != null)
            .ToDictionaryAsync(t => t.Name, t => t.LastRequestUtc!.Value, StringComparer.Ordinal, ct);
    }

    public async Task<DateTime?> LoadLastRequestAsync(string name, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        return await db.Tenants.Where(t => t.Name == name).Select(t => t.LastRequestUtc).SingleOrDefaultAsync(ct);
    }

    /// <summary>Records last-request times; a later time already there is kept. Not a settings change: no version bump.</summary>
    public async Task RecordLastRequestsAsync(IReadOnlyDictionary<string, DateTime> seen, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (name, at) in seen)
        {
            await db.Tenants.Where(t => t.Name == name && (t.LastRequestUtc == null || t.LastRequestUtc < at))
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastRequestUtc, at), ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Inserts (when <paramref name="settings"/> has version 0) or updates the record, and returns it with the
    /// next version. Fails with <see cref="DbUpdateConcurrencyException"/> when someone else changed it since.
    /// </summary>
    public async Task<CatalogWrite<TenantSettings>> SaveAsync(TenantSettings settings, DateTime now, CancellationToken ct = default)
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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        record.ChangeVersion = await NextVersionAsync(db, ct);
        if (settings.Version == 0)
        {
            db.Tenants.Add(record);
        }
        else
        {
            db.Tenants.Attach(record);
            db.Entry(record).State = EntityState.Modified;
            db.Entry(record).Property(r => r.LastRequestUtc).IsModified = false;
            db.Entry(record).Property(r => r.Version).OriginalValue = settings.Version;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(saved, record.ChangeVersion);
    }

    /// <summary>Deletes the record if it is still at <paramref name="version"/>; false when it changed or is gone.</summary>
    public async Task<CatalogWrite<bool>> DeleteAsync(string name, long version, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changeVersion = await NextVersionAsync(db, ct);
        var deleted = await db.Tenants.Where(t => t.Name == name && t.Version == version).ExecuteDeleteAsync(ct);
        if (deleted == 1)
        {
            await db.JobRuns.Where(r => r.TenantName == name).ExecuteDeleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new(deleted == 1, changeVersion);
    }

    /// <summary>Records that <paramref name="node"/> ran the heartbeat scheduled at <paramref name="scheduledUtc"/>; drops rows older than a day.</summary>
    public async Task RecordHeartbeatAsync(string node, DateTime scheduledUtc, DateTime firedUtc, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        db.Heartbeats.Add(new ClusterHeartbeat { Node = node, ScheduledUtc = scheduledUtc, FiredUtc = firedUtc });
        await db.SaveChangesAsync(ct);
        await db.Heartbeats.Where(h => h.ScheduledUtc < scheduledUtc.AddDays(-1)).ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlyList<ClusterHeartbeat>> LoadHeartbeatsAsync(DateTime sinceUtc, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        return await db.Heartbeats.Where(h => h.ScheduledUtc >= sinceUtc).OrderBy(h => h.ScheduledUtc).ToListAsync(ct);
    }

    private static async Task<long> NextVersionAsync(HostCatalogDbContext db, CancellationToken ct)
    {
        await db.CatalogVersion.Where(v => v.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(v => v.Value, v => v.Value + 1), ct);
        return await db.CatalogVersion.Where(v => v.Id == 1).Select(v => v.Value).SingleAsync(ct);
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

/// <summary>The outcome of a catalog write and the catalog version it produced.</summary>
public readonly record struct CatalogWrite<T>(T Value, long CatalogVersion);
