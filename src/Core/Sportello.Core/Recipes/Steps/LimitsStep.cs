using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Recipes.Steps;

public sealed record LimitsStepModel
{
    /// <summary>Limit values by key; null removes a limit.</summary>
    public required IReadOnlyDictionary<string, long?> Values { get; init; }
}

/// <summary>"limits": sets the tenant's plan limits (keys declared by modules).</summary>
public sealed class LimitsStep(ModuleCatalog modules) : RecipeStep<LimitsStepModel>
{
    public override string Name => "limits";

    protected override IEnumerable<ValidationProblem> Validate(LimitsStepModel step, RecipePlan plan) =>
        PlanLimitRules.Check(step.Values, modules, "$.values");

    protected override Task ExecuteAsync(LimitsStepModel step, RecipeStepContext context, CancellationToken ct) =>
        context.Services.GetRequiredService<TenantService>().UpdateAsync(context.TenantName,
            s => s with { Limits = PlanLimitRules.Apply(s.Limits, step.Values) }, ct);
}
