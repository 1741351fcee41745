using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Cluster;

/// <summary>
/// The safety net under publish/subscribe: at most once per <see cref="ClusterOptions.CatalogCheckInterval"/> a
/// request compares the catalog version with this node's and catches up first when they differ, so a lost message
/// delays a change by one interval, never forever. Concurrent requests share one check.
/// </summary>
public sealed class CatalogFreshness(TenantRegistry registry, IOptions<SportelloOptions> options, ILogger<CatalogFreshness> logger)
{
    private readonly bool _enabled = options.Value.Cluster.Enabled;
    private readonly long _intervalMs = (long)options.Value.Cluster.CatalogCheckInterval.TotalMilliseconds;
    private long _nextCheck;
    private Task? _running;
    private readonly Lock _lock = new();

    public bool IsDue => _enabled && Environment.TickCount64 >= Volatile.Read(ref _nextCheck);

    public Task CheckAsync()
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false })
            {
                return _running;
            }

            Volatile.Write(ref _nextCheck, Environment.TickCount64 + _intervalMs);
            return _running = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            if (await registry.CatchUpAsync())
            {
                logger.LogDebug("Caught up with catalog version {Version}", registry.CatalogVersion);
            }
        }
        catch (Exception ex)
        {
            // Serving from the copy in memory beats failing the request; the next interval tries again.
            logger.LogWarning(ex, "Catalog version check failed");
        }
    }
}
