using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sportello.Core.Storage;

namespace Sportello.Core.Hosting;

/// <summary>Ready means the catalog can be read: without it no tenant can be resolved after a change.</summary>
internal sealed class HostStoreHealthCheck(TenantCatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await catalog.AnyAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The host store cannot be read.", ex);
        }
    }
}
