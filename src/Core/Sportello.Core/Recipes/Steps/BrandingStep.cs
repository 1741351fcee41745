using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Recipes.Steps;

/// <summary>
/// "branding": sets the tenant's whole branding (name, logo, colours, contacts). Fields left out take their defaults,
/// so the recipe says exactly how the tenant looks.
/// </summary>
public sealed class BrandingStep : RecipeStep<TenantBranding>
{
    public override string Name => "branding";

    protected override IEnumerable<ValidationProblem> Validate(TenantBranding step, RecipePlan plan) =>
        TenantSettingsRules.CheckBranding(step, "$");

    protected override Task ExecuteAsync(TenantBranding step, RecipeStepContext context, CancellationToken ct) =>
        context.Services.GetRequiredService<TenantService>().UpdateAsync(context.TenantName, s => s with { Branding = step }, ct);
}
