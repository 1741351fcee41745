using Sportello.Core.Tenancy;

namespace Sportello.Core.Recipes.Steps;

public sealed record TenantStepModel
{
    public required string Name { get; init; }
    public IReadOnlyList<string>? Hosts { get; init; }
    public string? Prefix { get; init; }
    public StoreStepModel? Store { get; init; }
    public string? Culture { get; init; }
    public string? TimeZone { get; init; }
    public string? Currency { get; init; }
    public string? Theme { get; init; }
    public TenantBranding? Branding { get; init; }
}

public sealed record StoreStepModel
{
    public StoreProvider? Provider { get; init; }
    public string? Server { get; init; }
    public string? Schema { get; init; }
}
