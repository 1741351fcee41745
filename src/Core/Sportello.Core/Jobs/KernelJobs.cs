using Sportello.Core.Hosting;

namespace Sportello.Core.Jobs;

/// <summary>The kernel's own scheduled jobs, declared like a module's.</summary>
internal static class KernelJobs
{
    public static IEnumerable<ModuleJob> For(SportelloOptions settings) =>
    [
        ModuleJob.Platform<OutboxDispatcherJob>(OutboxDispatcherJob.Key, new("Consegna degli eventi", "Event delivery"),
            JobSchedule.Every(settings.Outbox.PollInterval)) with { RecordIdleRuns = false },
        ModuleJob.PerTenant<Files.FilesPurgeJob>(Files.FilesPurgeJob.Key, new("Eliminazione dei file scaduti", "Expired files deletion"),
            JobSchedule.Every(TimeSpan.FromHours(1))) with { RecordIdleRuns = false },
        ModuleJob.Platform<JobRunsPurgeJob>(JobRunsPurgeJob.Key, new("Pulizia dello storico delle attività", "Job history clean-up"),
            JobSchedule.At("0 40 3 * * ?", new("ogni notte alle 3.40", "every night at 3:40"))),
    ];
}
