using Sportello.Core.Text;

namespace Sportello.Core.Jobs;

/// <summary>
/// Timed work a module (or the kernel) declares: the kernel schedules it on Quartz, runs it once per tick in the
/// cluster, for each Running tenant with the module enabled (<see cref="JobScope.Tenant"/>) or once for the platform,
/// records every run and lets operators start it now.
/// </summary>
public sealed record ModuleJob
{
    private ModuleJob(string key, LocalizedText name, JobSchedule schedule, JobScope scope, Type work)
    {
        Key = key;
        Name = name;
        Schedule = schedule;
        Scope = scope;
        Work = work;
    }

    /// <summary>The module's id, a dot and the job's name: <c>billing.expire-orders</c>. Runs are recorded under it.</summary>
    public string Key { get; }

    public LocalizedText Name { get; }

    public JobSchedule Schedule { get; }

    public JobScope Scope { get; }

    /// <summary>An <see cref="ITenantJob"/> or an <see cref="IPlatformJob"/>, resolved from a fresh scope at each run.</summary>
    public Type Work { get; }

    /// <summary>
    /// False for jobs that tick often and usually find nothing to do (the outbox): their idle runs are not recorded,
    /// so the log shows work, failures and runs started by hand.
    /// </summary>
    public bool RecordIdleRuns { get; init; } = true;

    public static ModuleJob PerTenant<TWork>(string key, LocalizedText name, JobSchedule schedule) where TWork : class, ITenantJob =>
        new(key, name, schedule, JobScope.Tenant, typeof(TWork));

    public static ModuleJob Platform<TWork>(string key, LocalizedText name, JobSchedule schedule) where TWork : class, IPlatformJob =>
        new(key, name, schedule, JobScope.Platform, typeof(TWork));
}

public enum JobScope
{
    /// <summary>Once per tick for every Running tenant that has the module enabled, each in its own scope.</summary>
    Tenant,

    /// <summary>Once per tick for the whole platform; shown on the Default tenant's back office.</summary>
    Platform,
}
