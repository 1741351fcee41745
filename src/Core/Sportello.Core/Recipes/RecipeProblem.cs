namespace Sportello.Core.Recipes;

/// <summary>What is wrong with a recipe: the step (0-based), the JSON path inside the document, and why.</summary>
public sealed record RecipeProblem(int? StepIndex, string Path, string Message)
{
    public override string ToString() =>
        StepIndex is null ? $"{Path}: {Message}" : $"passo {StepIndex} ({Path}): {Message}";
}
