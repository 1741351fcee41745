using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Storage;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Now and then: writes the tenants' last-request times to the catalog (for the operators' list), and releases the
/// per-tenant caches of tenants idle longer than <see cref="TenantIdleOptions.IdleRelease"/>.
/// </summary>
internal sealed class TenantIdleSweep(
    TenantRegistry registry,
    TenantCatalog catalog,
    TenantCaches caches,
    IOptions<SportelloOptions> options,
    TimeProvider time,
    ILogger<TenantIdleSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Tenants.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Tenant idle sweep failed; trying again on the next tick");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The operators' list shows the last request to the minute; writing it more often would only load the catalog.</summary>
    private static readonly TimeSpan LastRequestGranularity = TimeSpan.FromMinutes(1);

    /// <summary>Returns how many tenants were released.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var seen = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var tenant in registry.All)
        {
            if (tenant.Activity.TakeUnflushed(LastRequestGranularity) is { } last)
            {
                seen[tenant.Name] = last;
            }
        }

        if (seen.Count > 0)
        {
            await catalog.RecordLastRequestsAsync(seen, ct);
        }

        var idleSince = time.GetUtcNow().UtcDateTime - options.Value.Tenants.IdleRelease;
        var released = 0;
        foreach (var tenant in registry.All)
        {
            if (tenant.Activity.TryRelease(idleSince))
            {
                await caches.ReleaseAsync(tenant, ct);
                released++;
            }
        }

        if (released > 0)
        {
            logger.LogInformation("Released the caches of {Count} idle tenants", released);
        }

        return released;
    }
}
