using Sportello.Core.Tenancy;

namespace Sportello.Core.Recipes;

/// <summary>
/// What the recipe will have done by the step being validated: which tenant it targets and which modules will
/// be enabled. Lets the whole recipe be checked before its first step runs.
/// </summary>
public sealed class RecipePlan
{
    public RecipePlan(TenantSettings? existing)
    {
        TenantName = existing?.Name;
        EnabledModules = new HashSet<string>(existing?.EnabledModules ?? [], StringComparer.Ordinal);
    }

    public string? TenantName { get; set; }

    /// <summary>Folder the recipe was read from; steps that import content files resolve them against it.</summary>
    public string? BaseDirectory { get; init; }

    public bool IsDefaultTenant => TenantName == TenantNames.Default;

    public HashSet<string> EnabledModules { get; }

    /// <summary>What modules' steps want later steps to know (for example, roles a recipe defines), by key.</summary>
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);
}
