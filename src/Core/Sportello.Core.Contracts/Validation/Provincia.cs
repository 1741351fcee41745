using System.Collections.Frozen;

namespace Sportello.Core.Validation;

/// <summary>The two-letter code of an Italian province (sigla), as written in addresses.</summary>
public static class Provincia
{
    // Provinces and metropolitan cities; a new one is a new entry here.
    private static readonly FrozenSet<string> Codes = new[]
    {
        "AG", "AL", "AN", "AO", "AP", "AQ", "AR", "AT", "AV", "BA", "BG", "BI", "BL", "BN", "BO", "BR", "BS", "BT", "BZ",
        "CA", "CB", "CE", "CH", "CI", "CL", "CN", "CO", "CR", "CS", "CT", "CZ", "EN", "FC", "FE", "FG", "FI", "FM", "FR",
        "GE", "GO", "GR", "IM", "IS", "KR", "LC", "LE", "LI", "LO", "LT", "LU", "MB", "MC", "ME", "MI", "MN", "MO", "MS",
        "MT", "NA", "NO", "NU", "OG", "OR", "OT", "PA", "PC", "PD", "PE", "PG", "PI", "PN", "PO", "PR", "PT", "PU", "PV",
        "PZ", "RA", "RC", "RE", "RG", "RI", "RM", "RN", "RO", "SA", "SI", "SO", "SP", "SR", "SS", "SU", "SV", "TA", "TE",
        "TN", "TO", "TP", "TR", "TS", "TV", "UD", "VA", "VB", "VC", "VE", "VI", "VR", "VS", "VT", "VV",
    }.ToFrozenSet();

    public static Checked Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Checked.Refused(string.Empty, "La provincia è obbligatoria.", "The province is required.");
        }

        var code = value.Trim().ToUpperInvariant();
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return Checked.Refused(code.Length > 10 ? string.Empty : code, "Scrivi la sigla della provincia, due lettere (esempio: MI).",
                "Write the province's two-letter code (for example MI).");
        }

        return Codes.Contains(code)
            ? Checked.Ok(code)
            : Checked.Refused(code, $"«{code}» non è la sigla di una provincia italiana.", $"'{code}' is not the code of an Italian province.");
    }
}
