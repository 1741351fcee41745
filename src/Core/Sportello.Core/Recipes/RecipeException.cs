namespace Sportello.Core.Recipes;

/// <summary>A recipe was refused before it changed anything.</summary>
public sealed class RecipeException(string recipe, IReadOnlyList<RecipeProblem> problems)
    : Exception($"La ricetta '{recipe}' non è valida: " + string.Join("; ", problems))
{
    public string Recipe { get; } = recipe;
    public IReadOnlyList<RecipeProblem> Problems { get; } = problems;
}
