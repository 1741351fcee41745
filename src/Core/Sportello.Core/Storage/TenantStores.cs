using Microsoft.Extensions.Logging;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Storage;

/// <summary>Creates tenant stores and brings their schema to the versions the enabled modules need.</summary>
public sealed class TenantStores(StoreConnections connections, StorePaths paths, StoreMigrator migrator, ModuleCatalog modules, ILogger<TenantStores> logger)
{
    private string ConnectionString(TenantSettings tenant) => connections.ForSchema(tenant.Store);

    /// <summary>Refuses a store that already holds data (a file, or a schema with tables), naming it.</summary>
    public async Task EnsureFreeAsync(TenantSettings tenant, CancellationToken ct = default)
    {
        if (!await StoreProvisioner.IsFreeAsync(tenant.Store.Provider, ConnectionString(tenant), ct))
        {
            throw new SportelloValidationException("store", tenant.Store.Provider == StoreProvider.Sqlite
                ? $"Il file '{tenant.Store.Location}' esiste già: scegli un altro nome o rimuovi il file."
                : $"Lo schema '{tenant.Store.Schema}' sul server '{tenant.Store.Server}' contiene già delle tabelle: scegline un altro.");
        }
    }

    /// <summary>Deletes the tenant's store and its folder of files (search index, uploads).</summary>
    public async Task DropAsync(TenantSettings tenant, CancellationToken ct = default)
    {
        var cs = ConnectionString(tenant);
        connections.Forget(tenant.Store); // closes pooled connections before the file goes
        await StoreProvisioner.DropAsync(tenant.Store.Provider, cs, ct);
        var folder = paths.TenantFolder(tenant.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        logger.LogInformation("Tenant {TenantName}: store and files deleted", tenant.Name);
    }

    /// <summary>Best-effort cleanup after a failed creation: a failure here is logged, the original one is what matters.</summary>
    public async Task TryDropAsync(TenantSettings tenant)
    {
        try
        {
            await DropAsync(tenant, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Tenant {TenantName}: store of a failed creation could not be deleted", tenant.Name);
        }
    }

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
