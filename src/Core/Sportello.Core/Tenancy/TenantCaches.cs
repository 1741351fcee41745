namespace Sportello.Core.Tenancy;

/// <summary>
/// Everything this node keeps for a tenant beyond its catalog record: the tenant's own parsed settings and every
/// <see cref="ITenantCache"/>. Let go when the tenant goes idle, and before its files are deleted.
/// </summary>
public sealed class TenantCaches(IEnumerable<ITenantCache> caches)
{
    public async Task ReleaseAsync(Tenant tenant, CancellationToken ct)
    {
        tenant.ReleaseCaches();
        foreach (var cache in caches)
        {
            await cache.ReleaseAsync(tenant, ct);
        }
    }
}
