using System.Globalization;
using System.Text;

namespace Sportello.Billing.FatturaPa;

/// <summary>
/// Text as the exchange system takes it: Latin-1 only (the schema's patterns), so typographic quotes and dashes
/// become their plain forms, the euro sign its code, and anything else outside Latin-1 loses its accent or becomes
/// a question mark; trimmed, whitespace collapsed, and cut to the field's length.
/// </summary>
public static class LatinText
{
    public static string Of(string? text, int max)
    {
        var result = new StringBuilder();
        foreach (var rune in (text ?? string.Empty).Trim().EnumerateRunes())
        {
            var plain = rune.Value switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => "'",
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => "\"",
                '\u2013' or '\u2014' or '\u2212' => "-",
                '\u2026' => "...",
                '\u20AC' => "EUR",
                '\u00A0' or '\t' or '\r' or '\n' => " ",
                < 0x20 => string.Empty,
                <= 0xFF => rune.ToString(),
                _ => WithoutAccent(rune),
            };
            if (plain == " " && (result.Length == 0 || result[^1] == ' '))
            {
                continue;
            }

            result.Append(plain);
        }

        var clean = result.ToString().TrimEnd();
        return clean.Length <= max ? clean : clean[..max].TrimEnd();
    }

    private static string WithoutAccent(Rune rune)
    {
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        var first = decomposed.EnumerateRunes().First();
        return first.Value <= 0xFF && CharUnicodeInfo.GetUnicodeCategory(first.Value) != UnicodeCategory.NonSpacingMark ? first.ToString() : "?";
    }
}
