using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>
/// The one Quartz job behind every <see cref="ModuleJob"/>: finds the declaration by key, runs its work for the
/// platform or for each eligible tenant (only the one asked for when an operator started it), and records each run.
/// Quartz runs a job key once at a time, and once per tick in the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledJobHost(ScheduledJobs jobs, TenantJobRunner runner, JobRunLog log, IServiceScopeFactory scopes, TimeProvider time, ILogger<ScheduledJobHost> logger) : IJob
{
    public const string KeyField = "key";
    public const string TenantField = "tenant";
    public const string RequestedByField = "requestedBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var data = context.MergedJobDataMap;
        var job = jobs.Find(data.GetString(KeyField) ?? string.Empty);
        if (job is null)
        {
            logger.LogWarning("Quartz fired unknown job {JobKey}; it is no longer declared", data.GetString(KeyField));
            return;
        }

        var requestedBy = data.GetString(RequestedByField);
        var node = context.Scheduler.SchedulerInstanceId;
        if (job.Job.Scope == JobScope.Platform)
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = (IPlatformJob)scope.ServiceProvider.GetRequiredService(job.Job.Work);
            await RunAsync(job, null, requestedBy, node, token => work.RunAsync(token), ct);
            return;
        }

        var only = data.GetString(TenantField);
        var tenants = runner.Eligible(job.ModuleId).Where(t => only is null || t.Name == only).ToList();
        await runner.ForEachTenantAsync(job.ModuleId, (services, tenant, token) =>
        {
            var work = (ITenantJob)services.GetRequiredService(job.Job.Work);
            return RunAsync(job, tenant.Name, requestedBy, node, t => work.RunAsync(tenant, t), token);
        }, ct, tenants);
    }

    private async Task RunAsync(ScheduledJob job, string? tenant, string? requestedBy, string node, Func<CancellationToken, Task<int>> work, CancellationToken ct)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var clock = Stopwatch.StartNew();
        var run = new JobRun { Id = Guid.CreateVersion7(), JobKey = job.Job.Key, TenantName = tenant, RequestedBy = requestedBy, Node = node, StartedUtc = started };
        try
        {
            run.Items = await work(ct);
            run.Succeeded = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            run.Error = Cut($"{ex.GetType().Name}: {ex.Message}");
            throw;
        }
        finally
        {
            run.FinishedUtc = started + clock.Elapsed;
            if (job.Job.RecordIdleRuns || !run.Succeeded || run.Items > 0 || requestedBy is not null)
            {
                await RecordAsync(run);
            }
        }
    }

    // The record of a run must not fail the run, nor be lost to the run's own cancellation.
    private async Task RecordAsync(JobRun run)
    {
        try
        {
            await log.AddAsync(run, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record the run of {JobKey} for {TenantName}", run.JobKey, run.TenantName);
        }
    }

    private static string Cut(string text) => text.Length <= JobRun.MaxError ? text : text[..JobRun.MaxError];
}
