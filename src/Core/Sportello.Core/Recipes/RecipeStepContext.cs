namespace Sportello.Core.Recipes;

/// <summary>What a step sees while it runs: a fresh DI scope (with the tenant set, once it exists) and the recipe.</summary>
public sealed class RecipeStepContext(IServiceProvider services, string tenantName, RecipeDocument recipe)
{
    public IServiceProvider Services { get; } = services;
    public string TenantName { get; } = tenantName;
    public RecipeDocument Recipe { get; } = recipe;
}
