using System.Text.Json;

namespace Sportello.Core.Recipes;

/// <summary>Parses recipe JSON, reporting malformed documents with the line and position of the mistake.</summary>
public static class RecipeLoader
{
    public static RecipeDocument LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new RecipeException(Path.GetFileName(path), [new RecipeProblem(null, "$", $"Il file '{path}' non esiste.")]);
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path), Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    public static RecipeDocument Parse(string json, string source, string? baseDirectory = null)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new RecipeException(source, [new RecipeProblem(null, ex.Path ?? "$",
                $"JSON non valido alla riga {(ex.LineNumber ?? 0) + 1}, posizione {(ex.BytePositionInLine ?? 0) + 1}.")]);
        }

        var problems = new List<RecipeProblem>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeException(source, [new RecipeProblem(null, "$", "La ricetta deve essere un oggetto JSON.")]);
        }

        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new RecipeProblem(null, "$.name", "Manca il nome della ricetta."));
        }

        if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new RecipeProblem(null, "$.steps", "Manca l'elenco dei passi (\"steps\": [...])."));
        }

        if (problems.Count > 0)
        {
            throw new RecipeException(name ?? source, problems);
        }

        return new RecipeDocument
        {
            Name = name!,
            DisplayName = root.TryGetProperty("displayName", out var d) ? d.GetString() : null,
            Description = root.TryGetProperty("description", out var desc) ? desc.GetString() : null,
            Steps = steps.EnumerateArray().ToList(),
            BaseDirectory = baseDirectory,
        };
    }
}
