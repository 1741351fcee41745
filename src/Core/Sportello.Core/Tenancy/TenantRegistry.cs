using System.Collections.Immutable;
using Sportello.Core.Modules;
using Sportello.Core.Storage;

namespace Sportello.Core.Tenancy;

/// <summary>
/// The node's view of the catalog: an immutable snapshot of every tenant, replaced atomically on change.
/// Readers never lock; the resolution table is compiled lazily, once per snapshot, on the first request after a change.
/// </summary>
public sealed class TenantRegistry(TenantCatalog catalog, ModuleCatalog modules)
{
    private Snapshot _snapshot = new(ImmutableDictionary<string, Tenant>.Empty.WithComparers(StringComparer.Ordinal));
    private readonly Lock _writeLock = new();

    public IEnumerable<Tenant> All => _snapshot.Tenants.Values;

    public int Count => _snapshot.Tenants.Count;

    public Tenant? Find(string name) => _snapshot.Tenants.GetValueOrDefault(name);

    public TenantResolutionTable Table => _snapshot.Table.Value;

    /// <summary>The catalog version this node is known to be in step with.</summary>
    public long CatalogVersion => Volatile.Read(ref _catalogVersion);

    private long _catalogVersion;

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        // Version first: a write that lands in between is loaded now and seen again by the next check, harmlessly.
        var version = await catalog.VersionAsync(ct);
        var settings = await catalog.LoadAllAsync(ct);
        lock (_writeLock)
        {
            var current = _snapshot.Tenants;
            var tenants = settings.Select(s => Create(s, current.GetValueOrDefault(s.Name)?.Activity))
                .ToImmutableDictionary(t => t.Name, StringComparer.Ordinal);
            Volatile.Write(ref _snapshot, new Snapshot(tenants));
            Volatile.Write(ref _catalogVersion, version);
        }
    }

    /// <summary>
    /// Catches up with the catalog when its version moved past this node's: loads the rows changed since, and
    /// drops tenants no longer there. Returns true when anything was looked at.
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct = default)
    {
        var known = CatalogVersion;
        var version = await catalog.VersionAsync(ct);
        if (version == known)
        {
            return false;
        }

        var changed = await catalog.LoadChangedAsync(known, ct);
        var names = (await catalog.LoadNamesAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var settings in changed)
        {
            Apply(settings);
        }

        foreach (var missing in All.Where(t => !names.Contains(t.Name)).Select(t => t.Name).ToList())
        {
            // Asked again: this node may have created it after the names were read. Removals are rare.
            if (await catalog.FindAsync(missing, ct) is null)
            {
                Remove(missing);
            }
        }

        lock (_writeLock)
        {
            if (version > _catalogVersion)
            {
                Volatile.Write(ref _catalogVersion, version);
            }
        }

        return true;
    }

    /// <summary>Notes a write this node made; when it directly follows the known version, nothing was missed in between.</summary>
    public void Wrote(long catalogVersion)
    {
        lock (_writeLock)
        {
            if (catalogVersion == _catalogVersion + 1)
            {
                Volatile.Write(ref _catalogVersion, catalogVersion);
            }
        }
    }

    /// <summary>Forgets a removed tenant.</summary>
    public void Remove(string name)
    {
        lock (_writeLock)
        {
            if (_snapshot.Tenants.ContainsKey(name))
            {
                Volatile.Write(ref _snapshot, new Snapshot(_snapshot.Tenants.Remove(name)));
            }
        }
    }

    /// <summary>Makes this node see a tenant as saved in the catalog, unless it already has that version or a newer one.</summary>
    public Tenant Apply(TenantSettings settings)
    {
        lock (_writeLock)
        {
            var current = _snapshot.Tenants.GetValueOrDefault(settings.Name);
            // The same or a newer version is already here: keep the snapshot, and its compiled table.
            // (A tenant removed and created again starts its versions afresh: its creation time tells them apart.)
            if (current is not null && current.Settings.Version >= settings.Version && current.Settings.CreatedUtc == settings.CreatedUtc)
            {
                return current;
            }

            var tenant = Create(settings, current?.Activity);
            Volatile.Write(ref _snapshot, new Snapshot(_snapshot.Tenants.SetItem(settings.Name, tenant)));
            return tenant;
        }
    }

    private Tenant Create(TenantSettings settings, TenantActivity? activity) => new(settings, NeedsUpgrade(settings), activity);

    private bool NeedsUpgrade(TenantSettings settings)
    {
        if (settings.State == TenantState.Uninitialized)
        {
            return false;
        }

        if (settings.ModuleVersions.GetValueOrDefault(ModuleCatalog.KernelId) < KernelStore.LatestMigration)
        {
            return true;
        }

        foreach (var id in settings.EnabledModules)
        {
            if (modules.LatestMigration(id) is { } latest && settings.ModuleVersions.GetValueOrDefault(id) < latest)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Snapshot(ImmutableDictionary<string, Tenant> tenants)
    {
        public ImmutableDictionary<string, Tenant> Tenants { get; } = tenants;

        public Lazy<TenantResolutionTable> Table { get; } = new(() => new TenantResolutionTable(tenants.Values));
    }
}
