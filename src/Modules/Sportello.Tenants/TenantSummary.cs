using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Tenants;

/// <summary>One row of the platform's tenant list, as pages and the API show it.</summary>
public sealed record TenantSummary(
    string Name,
    string DisplayName,
    TenantState State,
    IReadOnlyList<string> Hosts,
    string? Prefix,
    IReadOnlyList<string> EnabledModules,
    StoreProvider Store,
    DateTime CreatedUtc,
    DateTime? LastRequestUtc,
    long Version)
{
    public static TenantSummary From(Tenant tenant, DateTime? lastRequestUtc = null) => new(
        tenant.Name,
        tenant.DisplayName,
        tenant.Settings.State,
        tenant.Settings.Hosts,
        tenant.Settings.Prefix,
        tenant.Settings.EnabledModules,
        tenant.Settings.Store.Provider,
        tenant.Settings.CreatedUtc,
        Latest(tenant.Activity.LastRequestUtc, lastRequestUtc),
        tenant.Settings.Version);

    /// <summary>
    /// Tenants matching <paramref name="search"/> (name, display name, host or prefix) and <paramref name="state"/>.
    /// Last requests combine what this node saw with what every node last wrote to the catalog.
    /// </summary>
    public static async Task<IReadOnlyList<TenantSummary>> ListAsync(
        TenantRegistry registry, TenantCatalog catalog, string? search, TenantState? state, CancellationToken ct)
    {
        var lastRequests = await catalog.LoadLastRequestsAsync(ct);
        var term = search?.Trim();
        return registry.All
            .Where(t => state is null || t.Settings.State == state)
            .Where(t => string.IsNullOrEmpty(term)
                || t.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                || t.DisplayName.Contains(term, StringComparison.OrdinalIgnoreCase)
                || t.Settings.Hosts.Any(h => h.Contains(term, StringComparison.OrdinalIgnoreCase))
                || (t.Settings.Prefix?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => From(t, lastRequests.TryGetValue(t.Name, out var at) ? at : null))
            .ToList();
    }

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
