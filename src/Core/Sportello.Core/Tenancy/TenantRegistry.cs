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

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var settings = await catalog.LoadAllAsync(ct);
        var tenants = settings.Select(Create).ToImmutableDictionary(t => t.Name, StringComparer.Ordinal);
        lock (_writeLock)
        {
            Volatile.Write(ref _snapshot, new Snapshot(tenants));
        }
    }

    /// <summary>Makes this node see a tenant as saved in the catalog, unless it already has that version or a newer one.</summary>
    public Tenant Apply(TenantSettings settings)
    {
        var tenant = Create(settings);
        lock (_writeLock)
        {
            var current = _snapshot.Tenants.GetValueOrDefault(settings.Name);
            // The same or a newer version is already here: keep the snapshot, and its compiled table.
            if (current is not null && current.Settings.Version >= settings.Version)
            {
                return current;
            }

            Volatile.Write(ref _snapshot, new Snapshot(_snapshot.Tenants.SetItem(settings.Name, tenant)));
        }

        return tenant;
    }

    private Tenant Create(TenantSettings settings) => new(settings, NeedsUpgrade(settings));

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
