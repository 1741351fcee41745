using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Sportello.Core.Jobs;

/// <summary>
/// A clustered job store outlives builds: at start, jobs of the <see cref="ScheduledJobs.Group"/> no longer declared
/// (a module removed, a job renamed), and the outbox job of builds before module jobs, are deleted with their
/// triggers, so no node keeps firing work that no longer exists.
/// </summary>
internal sealed class JobReconciliation(ISchedulerFactory schedulers, ScheduledJobs jobs, ILogger<JobReconciliation> logger) : IHostedService
{
    private static readonly JobKey[] Retired = [new("outbox-dispatcher", "kernel")];

    public async Task StartAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var declared = jobs.All.Select(j => j.QuartzKey).ToHashSet();
        var stale = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduledJobs.Group), ct))
            .Where(k => !declared.Contains(k))
            .Concat(Retired)
            .ToList();
        foreach (var key in stale)
        {
            if (await scheduler.DeleteJob(key, ct))
            {
                logger.LogInformation("Deleted the scheduled job {JobKey}, which this build no longer declares", key);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
