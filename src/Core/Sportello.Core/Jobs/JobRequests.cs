using Quartz;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>
/// "Esegui ora": asks the scheduler for an extra run of a job, for one tenant (or the platform), on whichever node
/// takes it; the run is recorded like a scheduled one, with who asked.
/// </summary>
public sealed class JobRequests(ISchedulerFactory schedulers)
{
    public async Task RunNowAsync(ScheduledJob job, Tenant tenant, string requestedBy, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var data = new JobDataMap { [ScheduledJobHost.RequestedByField] = requestedBy };
        if (job.Job.Scope == JobScope.Tenant)
        {
            data[ScheduledJobHost.TenantField] = tenant.Name;
        }

        await scheduler.TriggerJob(job.QuartzKey, data, ct);
    }

    /// <summary>When the schedule runs the job next; null when it is not scheduled (yet).</summary>
    public async Task<DateTimeOffset?> NextRunAsync(ScheduledJob job, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var triggers = await scheduler.GetTriggersOfJob(job.QuartzKey, ct);
        return triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
    }
}
