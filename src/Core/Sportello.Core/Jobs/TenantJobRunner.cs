using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>
/// Fans a piece of timed work out to tenants: every Running tenant (that has the module enabled, when one is
/// named), each in its own DI scope with its <see cref="TenantContext"/>. One tenant's failure is logged and
/// does not stop the others.
/// </summary>
public sealed class TenantJobRunner(TenantRegistry registry, IServiceScopeFactory scopes, ILogger<TenantJobRunner> logger)
{
    public IEnumerable<Tenant> Eligible(string? moduleId) =>
        registry.All.Where(t => t.Settings.State == TenantState.Running && (moduleId is null || t.IsEnabled(moduleId)));

    /// <summary>Runs <paramref name="work"/> for each eligible tenant; returns how many succeeded and failed.</summary>
    public async Task<(int Succeeded, int Failed)> ForEachTenantAsync(
        string? moduleId,
        Func<IServiceProvider, Tenant, CancellationToken, Task> work,
        CancellationToken ct,
        IEnumerable<Tenant>? only = null)
    {
        int succeeded = 0, failed = 0;
        var tenants = (only ?? Eligible(moduleId)).ToList();
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (tenant, token) =>
        {
            using var logScope = logger.BeginScope(tenant.LogScope);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
                await work(scope.ServiceProvider, tenant, token);
                Interlocked.Increment(ref succeeded);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                logger.LogError(ex, "Job work failed for tenant {TenantName}", tenant.Name);
            }
        });
        return (succeeded, failed);
    }
}
