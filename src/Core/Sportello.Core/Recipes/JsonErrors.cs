using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sportello.Core.Recipes;

/// <summary>Puts System.Text.Json's English errors into a sentence an operator can act on (the path is reported beside it).</summary>
public static partial class JsonErrors
{
    public static string Describe(JsonException ex)
    {
        var quoted = QuotedName().Match(ex.Message);
        var name = quoted.Success ? quoted.Groups[1].Value : null;
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"Proprietà sconosciuta '{name}'.";
        }

        if (ex.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = MissingList().Match(ex.Message);
            return $"Manca la proprietà obbligatoria {(missing.Success ? missing.Groups[1].Value : name)}.";
        }

        if (ex.Message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return "Il valore non può essere null.";
        }

        return "Valore del tipo sbagliato o non valido per questa proprietà.";
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("including: (.+?)\\.?$")]
    private static partial Regex MissingList();
}
