namespace Sportello.Testing;

/// <summary>Valid Italian tax codes made up for tests, different for each suffix so tests' companies never collide.</summary>
public static class TaxCodes
{
    /// <summary>A valid partita IVA (with its check digit) made of the suffix's characters.</summary>
    public static string PartitaIva(string suffix)
    {
        var digits = string.Concat(suffix.Select(c => (char)('0' + (c % 10)))).PadRight(7, '0')[..7] + "063";
        var sum = digits.Select((c, i) => i % 2 == 0 ? c - '0' : ((c - '0') * 2 > 9 ? (c - '0') * 2 - 9 : (c - '0') * 2)).Sum();
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }
}
