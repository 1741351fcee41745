using Microsoft.AspNetCore.OutputCaching;

namespace Sportello.Core.Tenancy;

/// <summary>An idle tenant's cached pages are dropped with its other caches; the next visitor renders them again.</summary>
internal sealed class TenantOutputCacheRelease(IOutputCacheStore store) : ITenantCache
{
    public ValueTask ReleaseAsync(Tenant tenant, CancellationToken ct) =>
        store.EvictByTagAsync(TenantOutputCachePolicy.Tag(tenant.Name), ct);
}
