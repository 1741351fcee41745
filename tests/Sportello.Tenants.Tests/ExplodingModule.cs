using Sportello.Core.Recipes;

namespace Sportello.Tenants.Tests;

/// <summary>A module whose recipe step fails while it runs (after validation passed), to test the rollback of a half-made tenant.</summary>
public sealed class ExplodingModule : Sportello.Core.Modules.Module
{
    public override string Id => "exploding";
    public override string Name => "Exploding";
    public override IEnumerable<Type> RecipeSteps => [typeof(ExplodeStep)];
}

public sealed record ExplodeStepModel(string Reason);

public sealed class ExplodeStep : RecipeStep<ExplodeStepModel>
{
    public override string Name => "explode";
    public override string? ModuleId => "exploding";

    protected override Task ExecuteAsync(ExplodeStepModel step, RecipeStepContext context, CancellationToken ct) =>
        throw new InvalidOperationException(step.Reason);
}
