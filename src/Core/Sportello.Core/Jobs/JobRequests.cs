using Quartz;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>
/// "Esegui ora": asks the scheduler for an extra run of a job, for one tenant (or the platform), on whichever node
/// takes it; the run is recorded like a scheduled one, with who asked. One request per job and tenant waits at a
/// time: runs of a job never overlap, so repeated clicks would only queue work ahead of every other tenant's.
/// </summary>
public sealed class JobRequests(ISchedulerFactory schedulers)
{
    public const string Group = "sportello-requests";

    /// <summary>False when a run asked for earlier has not started yet.</summary>
    public async Task<bool> RunNowAsync(ScheduledJob job, Tenant tenant, string requestedBy, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var data = new JobDataMap { [ScheduledJobHost.RequestedByField] = requestedBy };
        if (job.Job.Scope == JobScope.Tenant)
        {
            data[ScheduledJobHost.TenantField] = tenant.Name;
        }

        var key = new TriggerKey($"{job.Job.Key}@{(job.Job.Scope == JobScope.Tenant ? tenant.Name : "platform")}", Group);
        if (await scheduler.Exists(key, ct))
        {
            return false;
        }

        var trigger = TriggerBuilder.Create().WithIdentity(key).ForJob(job.QuartzKey).UsingJobData(data).StartNow().Build();
        try
        {
            await scheduler.ScheduleJob(trigger, default, ct);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false; // asked at the same moment from another page or node
        }
    }

    /// <summary>When the schedule runs the job next; null when it is not scheduled (yet).</summary>
    public async Task<DateTimeOffset?> NextRunAsync(ScheduledJob job, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var triggers = await scheduler.GetTriggersOfJob(job.QuartzKey, ct);
        return triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
    }
}
