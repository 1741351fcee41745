using System.Text.Json;

namespace Sportello.Core.Recipes;

/// <summary>A parsed recipe: a name, a description and ordered steps, each a JSON object with a "step" name.</summary>
public sealed class RecipeDocument
{
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<JsonElement> Steps { get; init; }

    /// <summary>Folder the recipe was read from; steps resolve content files (kb/*.md) against it.</summary>
    public string? BaseDirectory { get; init; }
}
