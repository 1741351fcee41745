using PhoneNumbers;

namespace Sportello.Core.Validation;

/// <summary>The one phone-number check (libphonenumber): numbers without a country code are read as Italian.</summary>
public static class PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public const int MaxLength = 30;

    /// <summary>Returns why <paramref name="phone"/> is not a phone number, or null when it is.</summary>
    public static string? Check(string? phone, string region = "IT")
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "Il numero di telefono è obbligatorio.";
        }

        if (phone.Length > MaxLength)
        {
            return $"Il numero di telefono può avere al massimo {MaxLength} caratteri.";
        }

        try
        {
            return phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '/' or '(' or ')'))
                || !Util.IsValidNumber(Util.Parse(phone, region))
                ? $"«{phone}» non è un numero di telefono valido (esempi: 02 1234 5678, +41 44 123 45 67)."
                : null;
        }
        catch (NumberParseException)
        {
            return $"«{phone}» non è un numero di telefono valido (esempi: 02 1234 5678, +41 44 123 45 67).";
        }
    }
}
