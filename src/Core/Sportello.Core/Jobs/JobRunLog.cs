using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;

namespace Sportello.Core.Jobs;

/// <summary>Where job runs are written and read: the host catalog, which every node shares.</summary>
public sealed class JobRunLog(HostStore store)
{
    private readonly DbContextOptions<HostCatalogDbContext> _options = HostCatalogDbContext.OptionsFor(store);

    public async Task AddAsync(JobRun run, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The newest runs for a tenant (null: the platform's), of one job or all.</summary>
    public async Task<IReadOnlyList<JobRun>> RecentAsync(string? tenant, string? jobKey, int count, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        var runs = db.JobRuns.Where(r => r.TenantName == tenant);
        if (jobKey is not null)
        {
            runs = runs.Where(r => r.JobKey == jobKey);
        }

        return await runs.OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id).Take(count).ToListAsync(ct);
    }

    public async Task<int> PurgeAsync(DateTime olderThanUtc, CancellationToken ct = default)
    {
        await using var db = new HostCatalogDbContext(_options);
        return await db.JobRuns.Where(r => r.StartedUtc < olderThanUtc).ExecuteDeleteAsync(ct);
    }
}
