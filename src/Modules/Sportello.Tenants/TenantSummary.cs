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
    long Version)
{
    public static TenantSummary From(Tenant tenant) => new(
        tenant.Name,
        tenant.DisplayName,
        tenant.Settings.State,
        tenant.Settings.Hosts,
        tenant.Settings.Prefix,
        tenant.Settings.EnabledModules,
        tenant.Settings.Store.Provider,
        tenant.Settings.CreatedUtc,
        tenant.Settings.Version);

    public static IReadOnlyList<TenantSummary> List(TenantRegistry registry, string? search) =>
        registry.All
            .Where(t => string.IsNullOrWhiteSpace(search)
                || t.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
                || t.DisplayName.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(From)
            .ToList();
}
