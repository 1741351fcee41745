using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sportello.Core.Events;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>
/// Delivers events that inline dispatch could not: after a crash, after a handler failed, or raised on another
/// node. Each run checks the tenants known to have pending events, plus the next slice of all tenants in name
/// order, so every store is looked at within a few runs without opening all of them at once; the slice's
/// delivered events past their retention are deleted on the way. Items are the deliveries made.
/// </summary>
public sealed class OutboxDispatcherJob(TenantJobRunner runner, OutboxSignal signal, IOptions<SportelloOptions> options) : IPlatformJob
{
    public const string Key = "kernel.outbox";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var eligible = runner.Eligible(null).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var slice = NextSlice(eligible, options.Value.Outbox.SweepBatchSize);
        var pending = signal.Pending.ToHashSet(StringComparer.Ordinal);
        var tenants = eligible.Where(t => pending.Contains(t.Name)).Union(slice).ToList();
        if (tenants.Count == 0)
        {
            return 0;
        }

        var sliced = slice.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var delivered = 0;
        var (_, failed) = await runner.ForEachTenantAsync(null, async (services, tenant, token) =>
        {
            var dispatcher = services.GetRequiredService<OutboxDispatcher>();
            Interlocked.Add(ref delivered, await dispatcher.DispatchAsync(tenant, token));
            if (sliced.Contains(tenant.Name))
            {
                await dispatcher.PurgeDeliveredAsync(tenant, token);
            }
        }, ct, tenants);

        // Each tenant's failure is already logged with its cause; the run says how many there were.
        return failed == 0 ? delivered : throw new InvalidOperationException($"The outbox of {failed} of {tenants.Count} tenants could not be read ({delivered} deliveries made).");
    }

    private List<Tenant> NextSlice(List<Tenant> ordered, int size)
    {
        var start = ordered.FindIndex(t => string.CompareOrdinal(t.Name, signal.SweepCursor) > 0);
        var slice = (start < 0 ? ordered : ordered.Skip(start).Concat(ordered.Take(start))).Take(size).ToList();
        signal.SweepCursor = slice.Count == 0 ? string.Empty : slice[^1].Name;
        return slice;
    }
}
