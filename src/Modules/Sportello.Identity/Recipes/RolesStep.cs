using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Recipes;

public sealed record RolesStepModel
{
    public required IReadOnlyList<RoleModel> Roles { get; init; }
}

public sealed record RoleModel
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Permissions { get; init; } = [];
}

/// <summary>"roles": creates roles (or updates them) with exactly the permissions listed.</summary>
public sealed class RolesStep(ModuleCatalog modules) : RecipeStep<RolesStepModel>
{
    internal const string PlannedRoles = "identity.roles";

    public override string Name => "roles";
    public override string ModuleId => IdentityModule.ModuleId;

    protected override IEnumerable<ValidationProblem> Validate(RolesStepModel step, RecipePlan plan)
    {
        var known = modules.AllPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < step.Roles.Count; i++)
        {
            var role = step.Roles[i];
            if (string.IsNullOrWhiteSpace(role.Name) || role.Name.Length > 100)
            {
                yield return new($"$.roles[{i}].name", "Il nome del ruolo è obbligatorio (massimo 100 caratteri).");
            }

            for (var p = 0; p < role.Permissions.Count; p++)
            {
                if (!known.Contains(role.Permissions[p]))
                {
                    yield return new($"$.roles[{i}].permissions[{p}]", $"Il permesso '{role.Permissions[p]}' non esiste.");
                }
            }
        }
    }

    protected override void Plan(RolesStepModel step, RecipePlan plan) => PlannedRoleNames(plan).UnionWith(step.Roles.Select(r => r.Name));

    internal static HashSet<string> PlannedRoleNames(RecipePlan plan)
    {
        if (!plan.Items.TryGetValue(PlannedRoles, out var value))
        {
            value = new HashSet<string>(DefaultRoles.All.Keys, StringComparer.Ordinal);
            plan.Items[PlannedRoles] = value;
        }

        return (HashSet<string>)value;
    }

    protected override async Task ExecuteAsync(RolesStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var roles = context.Services.GetRequiredService<RoleManager<SportelloRole>>();
        await RoleSeeding.EnsureDefaultRolesAsync(roles);
        foreach (var model in step.Roles)
        {
            await RoleSeeding.EnsureRoleAsync(roles, model.Name, model.Description, model.Permissions);
        }
    }
}
