using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using Sportello.Core.Events;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>
/// Delivers events that inline dispatch could not: after a crash, after a handler failed, or raised on another
/// node. It checks tenants known to have pending events every run, and every tenant once per sweep interval.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatcherJob(TenantJobRunner runner, OutboxSignal signal, TimeProvider time, IOptions<SportelloOptions> options) : IJob
{
    public static readonly JobKey Key = new("outbox-dispatcher", "kernel");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        IEnumerable<Tenant>? only = null;
        if (now - signal.LastFullSweep < options.Value.Outbox.FullSweepInterval)
        {
            var pending = signal.Pending.ToHashSet(StringComparer.Ordinal);
            if (pending.Count == 0)
            {
                return;
            }

            only = runner.Eligible(null).Where(t => pending.Contains(t.Name));
        }
        else
        {
            signal.LastFullSweep = now;
        }

        var (succeeded, failed) = await runner.ForEachTenantAsync(null,
            (services, tenant, token) => services.GetRequiredService<OutboxDispatcher>().DispatchAsync(tenant, token),
            ct, only);
        context.Result = new { succeeded, failed };
    }
}
