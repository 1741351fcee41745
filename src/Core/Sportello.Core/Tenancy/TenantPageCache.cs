using Microsoft.AspNetCore.OutputCaching;
using Sportello.Core.Cluster;

namespace Sportello.Core.Tenancy;

/// <summary>Drops a tenant's cached pages after its content changed, on this node and (with several nodes) on the others.</summary>
public sealed class TenantPageCache(IOutputCacheStore store, ICatalogChangeNotifier notifier)
{
    public async ValueTask EvictAsync(string tenant, CancellationToken ct)
    {
        await store.EvictByTagAsync(TenantOutputCachePolicy.Tag(tenant), ct);
        notifier.PagesChanged(tenant);
    }
}
