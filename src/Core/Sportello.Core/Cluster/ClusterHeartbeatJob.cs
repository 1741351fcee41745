using Quartz;
using Sportello.Core.Storage;

namespace Sportello.Core.Cluster;

/// <summary>
/// Records, per tick, which node ran it. With the clustered job store exactly one node runs each tick, so the
/// table shows both that the scheduler is alive and how the work spreads over the nodes.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ClusterHeartbeatJob(TenantCatalog catalog, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("cluster-heartbeat", "kernel");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var scheduled = context.ScheduledFireTimeUtc?.UtcDateTime ?? time.GetUtcNow().UtcDateTime;
        await catalog.RecordHeartbeatAsync(context.Scheduler.SchedulerInstanceId, scheduled, time.GetUtcNow().UtcDateTime, ct);
    }
}
