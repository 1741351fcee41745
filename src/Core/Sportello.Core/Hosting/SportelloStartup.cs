using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Hosting;

/// <summary>
/// Before the server takes requests: migrate the host store, load the catalog, and on a first run provision the
/// tenants of the configured recipes. Tenants whose stores are behind the code are upgraded in the background
/// (and on their first request, whichever comes first), so start-up does not wait on thousands of stores.
/// </summary>
internal sealed class SportelloStartup(
    HostStore hostStore,
    HostLocks locks,
    StoreMigrator migrator,
    TenantRegistry registry,
    TenantService tenants,
    RecipeExecutor recipes,
    IOptions<SportelloOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<SportelloStartup> logger) : IHostedService
{
    private const string HostOwner = "host";

    public async Task StartAsync(CancellationToken ct)
    {
        // Nodes starting together take turns: one migrates and provisions, the others then find it done.
        await using (await locks.AcquireAsync("startup", ct))
        {
            await StoreProvisioner.EnsureCreatedAsync(hostStore.Provider, hostStore.ConnectionString, ct);
            migrator.Migrate(hostStore.Provider, hostStore.ConnectionString, HostOwner, typeof(HostStore).Assembly, typeof(HostStore).Namespace + ".HostMigrations");
            await registry.ReloadAsync(ct);
            logger.LogInformation("Catalog loaded: {Count} tenants", registry.Count);

            if (options.Value.Recipes.ProvisionOnFirstRun)
            {
                await ProvisionAsync(firstRun: registry.Count == 0, ct);
            }
        }

        _ = Task.Run(() => UpgradeOutdatedAsync(lifetime.ApplicationStopping), CancellationToken.None);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// On a first run, provisions every configured recipe. Later, resumes only a first-run tenant whose setup did not
    /// finish (still Uninitialized): recipes are idempotent, so running one again completes what is missing.
    /// A tenant an operator removed is not brought back.
    /// </summary>
    private async Task ProvisionAsync(bool firstRun, CancellationToken ct)
    {
        var folder = RecipeFolder.Resolve(options.Value.Recipes.Path);
        foreach (var file in options.Value.Recipes.FirstRunRecipes)
        {
            var recipe = RecipeLoader.LoadFile(Path.Combine(folder, file));
            var unfinished = recipe.TenantName is { } name && registry.Find(name)?.Settings.State == TenantState.Uninitialized;
            if (firstRun || unfinished)
            {
                var tenant = await recipes.ExecuteAsync(recipe, ct: ct, variables: options.Value.Recipes.Variables);
                logger.LogInformation("First run: tenant {TenantName} provisioned from {Recipe}", tenant, file);
            }
        }
    }

    private async Task UpgradeOutdatedAsync(CancellationToken ct)
    {
        var outdated = registry.All.Where(t => t.NeedsUpgrade).ToList();
        if (outdated.Count == 0)
        {
            return;
        }

        logger.LogInformation("Upgrading {Count} tenant stores", outdated.Count);
        await Parallel.ForEachAsync(outdated, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (tenant, token) =>
        {
            try
            {
                await tenants.EnsureUpToDateAsync(tenant, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Tenant {TenantName} could not be upgraded", tenant.Name);
            }
        });
    }
}
