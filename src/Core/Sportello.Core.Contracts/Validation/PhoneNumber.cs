using PhoneNumbers;

namespace Sportello.Core.Validation;

/// <summary>What kind of line a number is, for the forms that need a mobile (SMS codes, say).</summary>
public enum PhoneKind
{
    Mobile,
    Landline,
    Other,
}

/// <summary>The one phone-number check (libphonenumber): numbers without a country code are read as Italian.</summary>
public static class PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public const int MaxLength = 30;

    /// <summary>The number in E.164 (+393471234567), or why it is not a phone number.</summary>
    public static Checked Validate(string? phone, string region = "IT") =>
        Parse(phone, region, out var parsed) is { } problem ? problem : Checked.Ok(Util.Format(parsed!, PhoneNumberFormat.E164));

    /// <summary>Returns why <paramref name="phone"/> is not a phone number (in the current UI language), or null when it is.</summary>
    public static string? Check(string? phone, string region = "IT") => Validate(phone, region).Message;

    /// <summary>Mobile, landline or other (toll-free, VoIP...); numbers that could be either count as landlines.</summary>
    public static PhoneKind KindOf(string? phone, string region = "IT")
    {
        if (Parse(phone, region, out var parsed) is not null)
        {
            return PhoneKind.Other;
        }

        return Util.GetNumberType(parsed) switch
        {
            PhoneNumberType.MOBILE => PhoneKind.Mobile,
            PhoneNumberType.FIXED_LINE or PhoneNumberType.FIXED_LINE_OR_MOBILE => PhoneKind.Landline,
            _ => PhoneKind.Other,
        };
    }

    private static Checked? Parse(string? phone, string region, out PhoneNumbers.PhoneNumber? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(phone))
        {
            return Checked.Refused(string.Empty, "Il numero di telefono è obbligatorio.", "The phone number is required.");
        }

        var number = phone.Trim();
        if (number.Length > MaxLength)
        {
            return Checked.Refused(string.Empty, $"Il numero di telefono può avere al massimo {MaxLength} caratteri.",
                $"A phone number has at most {MaxLength} characters.");
        }

        var refused = Checked.Refused(number, $"«{number}» non è un numero di telefono valido (esempi: 02 1234 5678, 347 123 4567, +41 44 123 45 67).",
            $"'{number}' is not a valid phone number (for example 02 1234 5678, 347 123 4567, +41 44 123 45 67).");
        if (number.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '/' or '(' or ')')))
        {
            return refused;
        }

        try
        {
            parsed = Util.Parse(number, region);
            return Util.IsValidNumber(parsed) ? null : refused;
        }
        catch (NumberParseException)
        {
            return refused;
        }
    }
}
