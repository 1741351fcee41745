using Sportello.Core.Jobs;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Files;

/// <summary>Deletes each tenant's files whose retention has passed; every deletion is in the tenant's audit log.</summary>
public sealed class FilesPurgeJob(ITenantFiles files) : ITenantJob
{
    public const string Key = "kernel.files-purge";

    public async Task<int> RunAsync(Tenant tenant, CancellationToken ct)
    {
        var total = 0;
        int purged;
        do
        {
            purged = await files.PurgeExpiredAsync(ct);
            total += purged;
        }
        while (purged > 0 && !ct.IsCancellationRequested);

        return total;
    }
}
