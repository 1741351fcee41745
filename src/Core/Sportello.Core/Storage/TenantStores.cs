using Microsoft.Extensions.Logging;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>Creates tenant stores and brings their schema to the versions the enabled modules need.</summary>
public sealed class TenantStores(StoreConnections connections, StoreMigrator migrator, ModuleCatalog modules, ILogger<TenantStores> logger)
{
    private string ConnectionString(TenantSettings tenant) => connections.ForSchema(tenant.Store);

    /// <summary>Creates the store if missing and applies the kernel's migrations; returns the kernel version.</summary>
    public async Task<long> EnsureCreatedAsync(TenantSettings tenant, CancellationToken ct = default)
    {
        var cs = ConnectionString(tenant);
        await StoreProvisioner.EnsureCreatedAsync(tenant.Store.Provider, cs, ct);
        return migrator.Migrate(tenant.Store.Provider, cs, ModuleCatalog.KernelId, typeof(KernelStore).Assembly, KernelStore.MigrationsNamespace);
    }

    /// <summary>Applies a module's pending migrations (up to <paramref name="target"/> when given) and returns the version reached.</summary>
    public long MigrateModule(TenantSettings tenant, string moduleId, long? target = null)
    {
        var module = modules.Find(moduleId) ?? throw new InvalidOperationException($"Unknown module '{moduleId}'.");
        if (!module.HasMigrations)
        {
            return 0;
        }

        var reached = migrator.Migrate(tenant.Store.Provider, ConnectionString(tenant), module.Id, module.MigrationsAssembly, module.MigrationsNamespace, target);
        logger.LogDebug("Tenant {TenantName}: module {Module} at migration {Version}", tenant.Name, module.Id, reached);
        return reached;
    }

    /// <summary>Brings the kernel and every enabled module up to date; returns the versions now applied.</summary>
    public async Task<Dictionary<string, long>> UpgradeAsync(TenantSettings tenant, CancellationToken ct = default)
    {
        var versions = new Dictionary<string, long>(tenant.ModuleVersions, StringComparer.Ordinal)
        {
            [ModuleCatalog.KernelId] = await EnsureCreatedAsync(tenant, ct),
        };
        foreach (var id in modules.Closure(tenant.EnabledModules))
        {
            if (modules.LatestMigration(id) is not null)
            {
                versions[id] = MigrateModule(tenant, id);
            }
        }

        return versions;
    }
}
