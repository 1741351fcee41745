using Sportello.Core.Tenancy;

namespace Sportello.Core.Jobs;

/// <summary>A job's work for one tenant, run in a scope that belongs to it; returns how many items it handled.</summary>
public interface ITenantJob
{
    Task<int> RunAsync(Tenant tenant, CancellationToken ct);
}
