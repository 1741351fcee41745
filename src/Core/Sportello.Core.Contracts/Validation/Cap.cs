namespace Sportello.Core.Validation;

/// <summary>The Italian postcode (codice di avviamento postale): five digits, from 00010 (Rome's area) upwards.</summary>
public static class Cap
{
    public static Checked Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Checked.Refused(string.Empty, "Il CAP è obbligatorio.", "The postcode (CAP) is required.");
        }

        var cap = value.Trim();
        if (cap.Length != 5 || !cap.All(char.IsAsciiDigit))
        {
            return Checked.Refused(cap.Length > 10 ? string.Empty : cap, "Il CAP è fatto di 5 cifre (esempio: 20121).", "The postcode (CAP) is 5 digits (for example 20121).");
        }

        return string.CompareOrdinal(cap, "00010") < 0
            ? Checked.Refused(cap, $"Il CAP {cap} non esiste: i CAP italiani cominciano da 00010.", $"The postcode {cap} does not exist: Italian postcodes start at 00010.")
            : Checked.Ok(cap);
    }
}
