using Sportello.Core.Validation;

namespace Sportello.Core.Recipes;

/// <summary>A recipe step handler, found by the step's name.</summary>
public interface IRecipeStep
{
    string Name { get; }

    /// <summary>The module that must be enabled when the step runs; null for kernel steps.</summary>
    string? ModuleId { get; }

    Type ModelType { get; }

    IEnumerable<ValidationProblem> Validate(object model, RecipePlan plan);

    void Plan(object model, RecipePlan plan);

    Task ExecuteAsync(object model, RecipeStepContext context, CancellationToken ct);
}

/// <summary>
/// Base of step handlers. The step's JSON (less its "step" property) is deserialized strictly into
/// <typeparamref name="TModel"/>, so unknown or missing properties are reported before anything runs.
/// Execution must be idempotent: running a recipe twice changes nothing the second time.
/// </summary>
public abstract class RecipeStep<TModel> : IRecipeStep where TModel : class
{
    public abstract string Name { get; }

    public virtual string? ModuleId => null;

    public Type ModelType => typeof(TModel);

    /// <summary>Checks the step against the plan; problem fields are JSON paths relative to the step ("$.hosts[0]").</summary>
    protected virtual IEnumerable<ValidationProblem> Validate(TModel step, RecipePlan plan) => [];

    /// <summary>Records in the plan what the step will do, for the validation of later steps.</summary>
    protected virtual void Plan(TModel step, RecipePlan plan)
    {
    }

    protected abstract Task ExecuteAsync(TModel step, RecipeStepContext context, CancellationToken ct);

    IEnumerable<ValidationProblem> IRecipeStep.Validate(object model, RecipePlan plan) => Validate((TModel)model, plan);

    void IRecipeStep.Plan(object model, RecipePlan plan) => Plan((TModel)model, plan);

    Task IRecipeStep.ExecuteAsync(object model, RecipeStepContext context, CancellationToken ct) => ExecuteAsync((TModel)model, context, ct);
}
