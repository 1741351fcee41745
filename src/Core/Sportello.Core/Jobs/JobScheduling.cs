using Quartz;
using Sportello.Core.Cluster;

namespace Sportello.Core.Jobs;

/// <summary>Puts every declared job on Quartz: one durable job per key, run by <see cref="ScheduledJobHost"/>, and its trigger.</summary>
internal static class JobScheduling
{
    /// <summary>Cron schedules read in the platform's zone, so "3.40" is 3.40 in Italy in summer and in winter.</summary>
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static void Add(IQuartzBuilder quartz, ScheduledJobs jobs)
    {
        foreach (var job in jobs.All)
        {
            var key = job.QuartzKey;
            quartz.AddJob<ScheduledJobHost>(j => j.WithIdentity(key).StoreDurably().UsingJobData(ScheduledJobHost.KeyField, job.Job.Key));
            quartz.AddTrigger(t =>
            {
                t.ForJob(key).WithIdentity(job.Job.Key, ScheduledJobs.Group);
                if (job.Job.Schedule.Interval is { } interval)
                {
                    t.StartAt(ClusterServices.AlignedStart(interval)).WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever());
                }
                else
                {
                    t.WithCronSchedule(job.Job.Schedule.Cron!, c => c.InTimeZone(Zone));
                }
            });
        }
    }
}
