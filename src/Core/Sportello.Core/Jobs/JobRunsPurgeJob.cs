using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;

namespace Sportello.Core.Jobs;

/// <summary>Deletes job runs older than <c>Sportello:Jobs:RunRetention</c> (30 days by default); items are the runs deleted.</summary>
public sealed class JobRunsPurgeJob(JobRunLog log, IOptions<SportelloOptions> options, TimeProvider time) : IPlatformJob
{
    public const string Key = "kernel.job-runs-purge";

    public Task<int> RunAsync(CancellationToken ct) =>
        log.PurgeAsync(time.GetUtcNow().UtcDateTime - options.Value.Jobs.RunRetention, ct);
}
