using Sportello.Core.Tenancy;

namespace Sportello.Tenants.Domain;

/// <summary>
/// What the platform operator asks for when creating a tenant: a recipe (a file of recipes/ or uploaded JSON)
/// and what to set over it. Fields left empty keep what the recipe says.
/// </summary>
public sealed record CreateTenantRequest
{
    /// <summary>The tenant's name; when empty, the name the recipe's "tenant" step gives.</summary>
    public string? Name { get; init; }

    /// <summary>A recipe file of the recipes folder, such as "reseller.recipe.json".</summary>
    public string? Recipe { get; init; }

    /// <summary>An uploaded recipe (for example an export), instead of <see cref="Recipe"/>.</summary>
    public string? RecipeJson { get; init; }

    public IReadOnlyList<string>? Hosts { get; init; }
    public string? Prefix { get; init; }
    public StoreRequest? Store { get; init; }
    public string? Culture { get; init; }
    public string? TimeZone { get; init; }
    public string? Currency { get; init; }
    public BrandingRequest? Branding { get; init; }

    /// <summary>The reseller's first administrator: invited by e-mail to choose a password.</summary>
    public AdminRequest? Admin { get; init; }
}

/// <summary>Branding to write over the recipe's, field by field: a field left out (or empty) keeps the recipe's value.</summary>
public sealed record BrandingRequest
{
    public string? DisplayName { get; init; }
    public string? LogoUrl { get; init; }
    public string? PrimaryColor { get; init; }
    public string? AccentColor { get; init; }
    public string? CustomerPhone { get; init; }
    public string? PartnerPhone { get; init; }
    public string? SupportEmail { get; init; }
    public string? BusinessHours { get; init; }
}

public sealed record StoreRequest(StoreProvider? Provider, string? Server, string? Schema);

public sealed record AdminRequest(string Email, string? DisplayName);

/// <summary>The outcome of a create request: whether it created anything, and what the operator is told.</summary>
public sealed record CreateTenantResult(bool Created, TenantSettings Tenant, string Message);
