using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sportello.Core.Recipes;

/// <summary>
/// Replaces <c>{{ name }}</c> in a step's string values with the recipe's variables, so secrets such as an
/// administrator's password come from configuration rather than from the recipe file.
/// </summary>
public static partial class RecipeVariables
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Substitutes in place; returns the JSON paths (relative to the node) of unknown variables, with their names.</summary>
    public static List<(string Path, string Name)> Substitute(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        var missing = new List<(string, string)>();
        Walk(node, "$", values, missing);
        return missing;
    }

    private static void Walk(JsonNode? node, string path, IReadOnlyDictionary<string, string> values, List<(string, string)> missing)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && Placeholder().IsMatch(text))
                    {
                        obj[key] = Replace(text, $"{path}.{key}", values, missing);
                    }
                    else
                    {
                        Walk(child, $"{path}.{key}", values, missing);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && Placeholder().IsMatch(text))
                    {
                        array[i] = Replace(text, $"{path}[{i}]", values, missing);
                    }
                    else
                    {
                        Walk(array[i], $"{path}[{i}]", values, missing);
                    }
                }

                break;
        }
    }

    private static string Replace(string text, string path, IReadOnlyDictionary<string, string> values, List<(string, string)> missing) =>
        Placeholder().Replace(text, m =>
        {
            if (values.TryGetValue(m.Groups[1].Value, out var value))
            {
                return value;
            }

            missing.Add((path, m.Groups[1].Value));
            return m.Value;
        });
}
