using System.Text.Json;

namespace Sportello.Core.Recipes;

/// <summary>Parses recipe JSON, reporting malformed documents with the line and position of the mistake.</summary>
public static class RecipeLoader
{
    public static RecipeDocument LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new RecipeException(Path.GetFileName(path), [new RecipeProblem(null, "$", $"Il file '{Path.GetFileName(path)}' non esiste.")]);
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

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeException(source, [new RecipeProblem(null, "$", "La ricetta deve essere un oggetto JSON.")]);
        }

        var problems = new List<RecipeProblem>();
        string? name = null, displayName = null, description = null;
        JsonElement? steps = null;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var path = "$." + property.Name;
            switch (property.Name)
            {
                case "name":
                    name = Text(property.Value, path, problems);
                    break;
                case "displayName":
                    displayName = Text(property.Value, path, problems);
                    break;
                case "description":
                    description = Text(property.Value, path, problems);
                    break;
                case "variables" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var variable in property.Value.EnumerateObject())
                    {
                        if (Text(variable.Value, $"{path}.{variable.Name}", problems) is { } value)
                        {
                            variables[variable.Name] = value;
                        }
                    }

                    break;
                case "variables":
                    problems.Add(new RecipeProblem(null, path, "Le variabili devono essere un oggetto di testi."));
                    break;
                case "steps" when property.Value.ValueKind == JsonValueKind.Array:
                    steps = property.Value;
                    break;
                case "steps":
                    problems.Add(new RecipeProblem(null, path, "I passi devono essere un elenco (\"steps\": [...])."));
                    break;
                default:
                    problems.Add(new RecipeProblem(null, path, $"Proprietà sconosciuta '{property.Name}'."));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(name) && !problems.Any(p => p.Path == "$.name"))
        {
            problems.Add(new RecipeProblem(null, "$.name", "Manca il nome della ricetta."));
        }

        if (steps is null && !problems.Any(p => p.Path == "$.steps"))
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
            DisplayName = displayName,
            Description = description,
            Steps = steps!.Value.EnumerateArray().ToList(),
            Variables = variables,
            BaseDirectory = baseDirectory,
        };
    }

    private static string? Text(JsonElement value, string path, List<RecipeProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add(new RecipeProblem(null, path, "Il valore deve essere un testo."));
        return null;
    }
}
