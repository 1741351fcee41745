using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Core.Cluster;
using Sportello.Core.Modules;
using Sportello.Core.Storage;
using Sportello.Core.Validation;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Every change to a tenant goes through here: the catalog is written first (checked against the version read),
/// then this node's registry, so the next request already sees it.
/// </summary>
public sealed class TenantService(
    TenantCatalog catalog,
    TenantRegistry registry,
    TenantStores stores,
    ModuleCatalog modules,
    ICatalogChangeNotifier notifier,
    HostLocks locks,
    TimeProvider time,
    TenantCaches caches,
    ILogger<TenantService> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _upgradeLocks = new(StringComparer.Ordinal);

    /// <summary>Creates a tenant and its store, in state Uninitialized until its recipe finishes.</summary>
    public async Task<TenantSettings> CreateAsync(TenantSettings draft, CancellationToken ct = default)
    {
        if (await catalog.FindAsync(draft.Name, ct) is not null)
        {
            throw new SportelloValidationException("name", $"Il tenant '{draft.Name}' esiste già.");
        }

        // Refuses a store that holds something already, so undoing a failed creation below never deletes foreign data.
        await stores.EnsureFreeAsync(draft, ct);
        long kernelVersion;
        try
        {
            kernelVersion = await stores.EnsureCreatedAsync(draft, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await stores.TryDropAsync(draft);
            throw;
        }

        var settings = draft with
        {
            State = TenantState.Uninitialized,
            EnabledModules = [],
            ModuleVersions = new Dictionary<string, long> { [ModuleCatalog.KernelId] = kernelVersion },
            ProtectionId = Guid.NewGuid().ToString("N"),
            Version = 0,
        };
        var saved = await SavedAsync(await catalog.SaveAsync(settings, time.GetUtcNow().UtcDateTime, ct));
        logger.LogInformation("Tenant {TenantName} created ({Provider} store)", saved.Name, saved.Store.Provider);
        return saved;
    }

    /// <summary>
    /// Removes a suspended tenant: its catalog entry first (no node serves it from then on), then its store and
    /// files. <paramref name="confirmation"/> must repeat the tenant's name. When the store cannot be deleted (its
    /// server is down), the tenant is still removed and the result says what was left behind.
    /// </summary>
    public async Task<TenantRemoval> RemoveAsync(string name, string? confirmation, CancellationToken ct = default)
    {
        var current = await catalog.FindAsync(name, ct) ?? throw new TenantNotFoundException(name);
        if (current.IsDefault)
        {
            throw new SportelloValidationException("name", "Il tenant della piattaforma non può essere rimosso.");
        }

        if (current.State != TenantState.Disabled)
        {
            throw new SportelloValidationException("state", $"Il tenant '{name}' va sospeso prima di essere rimosso.");
        }

        if (!string.Equals(confirmation?.Trim(), name, StringComparison.Ordinal))
        {
            throw new SportelloValidationException("confirmation", $"Per confermare scrivi il nome del tenant: {name}.");
        }

        var leftBehind = await DeleteAsync(current, ct);
        logger.LogWarning("Tenant {TenantName} removed", name);
        return new TenantRemoval(current, leftBehind);
    }

    /// <summary>
    /// Undoes a creation that did not finish (a recipe step failed): the tenant must still be Uninitialized, so a
    /// tenant that once ran is never deleted by this path.
    /// </summary>
    public async Task DiscardUnfinishedAsync(string name, CancellationToken ct = default)
    {
        if (await catalog.FindAsync(name, ct) is { State: TenantState.Uninitialized } current)
        {
            await DeleteAsync(current, ct);
            logger.LogWarning("Tenant {TenantName}: unfinished creation rolled back", name);
        }
    }

    /// <summary>Deletes the catalog entry, then the store; returns what could not be deleted, if anything.</summary>
    private async Task<string?> DeleteAsync(TenantSettings current, CancellationToken ct)
    {
        var deleted = await catalog.DeleteAsync(current.Name, current.Version, ct);
        if (!deleted.Value)
        {
            throw new SportelloValidationException("name", $"Il tenant '{current.Name}' è stato modificato nel frattempo: ricarica e riprova.");
        }

        // Close what this node holds open for the tenant (search index files, pooled connections) before deleting it.
        if (registry.Find(current.Name) is { } live)
        {
            await caches.ReleaseAsync(live, ct);
        }

        registry.Remove(current.Name);
        registry.Wrote(deleted.CatalogVersion);
        notifier.Changed(current.Name);
        try
        {
            await stores.DropAsync(current, ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var where = current.Store.Provider == StoreProvider.Sqlite
                ? $"il file {current.Store.Location}"
                : $"lo schema {current.Store.Schema} sul server {current.Store.Server}";
            logger.LogError(ex, "Tenant {TenantName} removed from the catalog, but its store could not be deleted: drop {Store} by hand", current.Name, where);
            return $"Il tenant è stato rimosso, ma non è stato possibile eliminare {where}: va eliminato a mano.";
        }
    }

    private Task<TenantSettings> SavedAsync(CatalogWrite<TenantSettings> write)
    {
        registry.Apply(write.Value);
        registry.Wrote(write.CatalogVersion);
        notifier.Changed(write.Value.Name);
        return Task.FromResult(write.Value);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current catalog record and saves it when it changed anything.
    /// A concurrent writer makes it re-read and try again.
    /// </summary>
    public async Task<TenantSettings> UpdateAsync(string name, Func<TenantSettings, TenantSettings> change, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await catalog.FindAsync(name, ct)
                ?? throw new TenantNotFoundException(name);
            var changed = change(current);
            if (changed.SameContentAs(current))
            {
                registry.Apply(current);
                return current;
            }

            try
            {
                return await SavedAsync(await catalog.SaveAsync(
                    changed with { Version = current.Version, Name = current.Name, ProtectionId = current.ProtectionId },
                    time.GetUtcNow().UtcDateTime, ct));
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                logger.LogDebug("Tenant {TenantName} changed concurrently; retrying", name);
            }
        }
    }

    public Task<TenantSettings> SetStateAsync(string name, TenantState state, CancellationToken ct = default) =>
        UpdateAsync(name, s => s with { State = state }, ct);

    /// <summary>Enables the modules and what they depend on, migrating each new one's tables first.</summary>
    public async Task<TenantSettings> EnableModulesAsync(string name, IEnumerable<string> ids, CancellationToken ct = default)
    {
        var current = await catalog.FindAsync(name, ct)
            ?? throw new TenantNotFoundException(name);
        var closure = CheckEnable(current, ids);
        var added = closure.Except(current.EnabledModules).ToList();
        if (added.Count == 0)
        {
            return current;
        }

        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in added)
        {
            versions[id] = stores.MigrateModule(current, id);
        }

        var saved = await UpdateAsync(name, s => s with
        {
            EnabledModules = s.EnabledModules.Union(closure).Order(StringComparer.Ordinal).ToList(),
            ModuleVersions = Merge(s.ModuleVersions, versions),
        }, ct);
        logger.LogInformation("Tenant {TenantName}: enabled {Modules}", name, string.Join(", ", added));
        return saved;
    }

    /// <summary>The modules that enabling <paramref name="ids"/> would turn on, or a refusal naming the reason.</summary>
    public IReadOnlyList<string> CheckEnable(TenantSettings tenant, IEnumerable<string> ids)
    {
        var requested = ids.ToList();
        var unknown = requested.Where(id => !modules.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new SportelloValidationException("modules", $"Modulo sconosciuto: {string.Join(", ", unknown)}.");
        }

        var closure = modules.Closure(requested);
        var platformOnly = closure.Where(id => modules.Find(id)!.DefaultTenantOnly).ToList();
        if (!tenant.IsDefault && platformOnly.Count > 0)
        {
            throw new SportelloValidationException("modules", $"Il modulo '{platformOnly[0]}' è riservato al tenant della piattaforma.");
        }

        return closure;
    }

    /// <summary>Disables modules; refused, naming the module, while another enabled module needs one of them.</summary>
    public async Task<TenantSettings> DisableModulesAsync(string name, IEnumerable<string> ids, CancellationToken ct = default)
    {
        var removing = ids.ToHashSet(StringComparer.Ordinal);
        return await UpdateAsync(name, s =>
        {
            CheckDisable(s.EnabledModules, removing);
            return s with { EnabledModules = s.EnabledModules.Where(id => !removing.Contains(id)).ToList() };
        }, ct);
    }

    public void CheckDisable(IReadOnlyCollection<string> enabled, IReadOnlySet<string> removing)
    {
        var remaining = enabled.Where(id => !removing.Contains(id)).ToList();
        foreach (var id in removing.Order(StringComparer.Ordinal))
        {
            var dependents = modules.Dependents(id, remaining);
            if (dependents.Count > 0)
            {
                throw new SportelloValidationException("modules",
                    $"Il modulo '{id}' non può essere disattivato: è richiesto da {string.Join(", ", dependents.Select(d => $"'{d}'"))}.");
            }
        }
    }

    /// <summary>
    /// Runs pending migrations for a tenant whose code is newer than its store. One caller per tenant does the
    /// work; others wait for it. A failure leaves the store at its last good version and is rethrown.
    /// </summary>
    public async Task<Tenant> EnsureUpToDateAsync(Tenant tenant, CancellationToken ct = default)
    {
        if (!tenant.NeedsUpgrade)
        {
            return tenant;
        }

        var gate = _upgradeLocks.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Other nodes may be upgrading the same store: one at a time, and whoever comes second finds it done.
            await using var turn = await locks.AcquireAsync("tenant-upgrade:" + tenant.Name, ct);
            if (await catalog.FindAsync(tenant.Name, ct) is { } stored)
            {
                registry.Apply(stored);
            }

            var latest = registry.Find(tenant.Name) ?? tenant;
            if (!latest.NeedsUpgrade)
            {
                return latest;
            }

            var versions = await stores.UpgradeAsync(latest.Settings, ct);
            await UpdateAsync(tenant.Name, s => s with { ModuleVersions = Merge(s.ModuleVersions, versions) }, ct);
            logger.LogInformation("Tenant {TenantName} upgraded", tenant.Name);
            return registry.Find(tenant.Name)!;
        }
        finally
        {
            gate.Release();
        }
    }

    private static Dictionary<string, long> Merge(IReadOnlyDictionary<string, long> current, IReadOnlyDictionary<string, long> updates)
    {
        var merged = new Dictionary<string, long>(current, StringComparer.Ordinal);
        foreach (var (id, version) in updates)
        {
            merged[id] = version;
        }

        return merged;
    }
}
