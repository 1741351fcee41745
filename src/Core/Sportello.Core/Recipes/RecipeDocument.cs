using System.Text.Json;

namespace Sportello.Core.Recipes;

/// <summary>A parsed recipe: a name, a description and ordered steps, each a JSON object with a "step" name.</summary>
public sealed class RecipeDocument
{
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<JsonElement> Steps { get; init; }

    /// <summary>Default values of the recipe's variables; whoever runs the recipe can override them.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The tenant its "tenant" step names, if it has one.</summary>
    public string? TenantName => Steps
        .Where(s => s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.String && step.GetString() == "tenant"
            && s.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
        .Select(s => s.GetProperty("name").GetString())
        .FirstOrDefault();

    /// <summary>Folder the recipe was read from; steps resolve content files (kb/*.md) against it.</summary>
    public string? BaseDirectory { get; init; }
}
