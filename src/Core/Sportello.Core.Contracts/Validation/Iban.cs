using System.Collections.Frozen;

namespace Sportello.Core.Validation;

/// <summary>An IBAN (ISO 13616): country, two check digits (mod 97) and the national account number, of the country's length.</summary>
public static class Iban
{
    // Lengths from the IBAN registry; a country missing here is refused by name, so adding one is a one-line change.
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20,
        ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24,
        ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SC"] = 31,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    }.ToFrozenDictionary();

    public static Checked Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Checked.Refused(string.Empty, "L'IBAN è obbligatorio.", "The IBAN is required.");
        }

        if (value.Length > Normalize.MaxInput)
        {
            return Checked.Refused(string.Empty, "Un IBAN ha al massimo 34 caratteri: questo testo è troppo lungo.", "An IBAN has at most 34 characters: this text is far too long.");
        }

        var iban = Normalize.Compact(value, dropSeparators: true);
        if (iban.Length < 4 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return Checked.Refused(iban, "Un IBAN comincia con la sigla del Paese e due cifre di controllo (esempio: IT60 X054 ...).",
                "An IBAN starts with the country code and two check digits (for example IT60 X054 ...).");
        }

        if (!Normalize.IsAsciiUpperOrDigit(iban))
        {
            return Checked.Refused(iban, "Un IBAN contiene solo lettere e cifre.", "An IBAN holds only letters and digits.");
        }

        var country = iban[..2];
        if (!Lengths.TryGetValue(country, out var length))
        {
            return Checked.Refused(iban, $"«{country}» non è un Paese che usa l'IBAN.", $"'{country}' is not a country that uses IBANs.");
        }

        if (iban.Length != length)
        {
            return Checked.Refused(iban,
                $"Un IBAN {country} ha {length} caratteri, questo ne ha {iban.Length}.",
                $"A {country} IBAN has {length} characters, this one has {iban.Length}.");
        }

        if (country is "IT" or "SM" && !char.IsAsciiLetterUpper(iban[4]))
        {
            return Checked.Refused(iban, "Dopo le due cifre di controllo, un IBAN italiano ha una lettera (il CIN).",
                "After the two check digits, an Italian IBAN has a letter (the CIN).");
        }

        return Remainder(iban) == 1
            ? Checked.Ok(iban)
            : Checked.Refused(iban, "Le cifre di controllo dell'IBAN non corrispondono: controlla di averlo copiato bene.",
                "The IBAN's check digits do not match: check it was copied correctly.");
    }

    /// <summary>The IBAN printed in groups of four, as people read it.</summary>
    public static string Grouped(string normalized) =>
        string.Join(' ', Enumerable.Range(0, (normalized.Length + 3) / 4)
            .Select(i => normalized.Substring(i * 4, Math.Min(4, normalized.Length - i * 4))));

    // Country and check digits moved to the end, letters as 10-35, the whole as a number modulo 97, digit by digit.
    private static int Remainder(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
            remainder %= 97;
        }

        return remainder;
    }
}
