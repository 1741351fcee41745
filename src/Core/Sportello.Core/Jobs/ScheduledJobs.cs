using System.Collections.Frozen;
using Quartz;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>Every job of the build, the kernel's and the modules', checked once at start-up.</summary>
public sealed class ScheduledJobs
{
    /// <summary>Quartz group of the jobs declared through <see cref="ModuleJob"/>.</summary>
    public const string Group = "sportello";

    private readonly FrozenDictionary<string, ScheduledJob> _byKey;

    public ScheduledJobs(IEnumerable<ModuleJob> kernel, ModuleCatalog modules)
    {
        var all = kernel.Select(j => new ScheduledJob(j, null))
            .Concat(modules.Ordered.SelectMany(m => m.Jobs.Select(j => new ScheduledJob(j, m.Id))))
            .ToList();
        var byKey = new Dictionary<string, ScheduledJob>(StringComparer.Ordinal);
        foreach (var job in all)
        {
            var owner = job.ModuleId ?? ModuleCatalog.KernelId;
            if (!job.Job.Key.StartsWith(owner + ".", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Job '{job.Job.Key}' must be named after its module: '{owner}.…'.");
            }

            if (job.Job.Schedule.Cron is { } cron && !CronExpression.TryParse(cron, out _))
            {
                throw new InvalidOperationException($"Job '{job.Job.Key}' has an invalid cron expression '{cron}' (Quartz format, seconds first).");
            }

            var expected = job.Job.Scope == JobScope.Tenant ? typeof(ITenantJob) : typeof(IPlatformJob);
            if (!expected.IsAssignableFrom(job.Job.Work))
            {
                throw new InvalidOperationException($"Job '{job.Job.Key}': {job.Job.Work.Name} must implement {expected.Name}.");
            }

            if (!byKey.TryAdd(job.Job.Key, job))
            {
                throw new InvalidOperationException($"Job key '{job.Job.Key}' is declared twice.");
            }
        }

        All = all;
        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<ScheduledJob> All { get; }

    public ScheduledJob? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>What a tenant's back office shows: its per-tenant jobs (kernel and enabled modules), and on the Default tenant the platform's.</summary>
    public IReadOnlyList<ScheduledJob> VisibleTo(Tenant tenant) =>
        All.Where(j => j.Job.Scope == JobScope.Tenant
                ? j.ModuleId is null || tenant.IsEnabled(j.ModuleId)
                : tenant.Name == TenantNames.Default)
            .ToList();
}

/// <summary>A declared job and the module that declared it (null: the kernel).</summary>
public sealed record ScheduledJob(ModuleJob Job, string? ModuleId)
{
    public JobKey QuartzKey => new(Job.Key, ScheduledJobs.Group);
}
