namespace Sportello.Core.Tenancy;

/// <summary>Counts, in the current tenant's scope, how much of one plan limit is in use. Registered scoped by the module.</summary>
public interface IPlanUsage
{
    string Key { get; }

    Task<long> CountAsync(CancellationToken ct);
}
