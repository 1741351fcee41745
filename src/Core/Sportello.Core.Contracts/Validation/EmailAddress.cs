using System.Text.RegularExpressions;

namespace Sportello.Core.Validation;

/// <summary>The one e-mail check every form, import and recipe uses.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    // Deliberately practical: one @, a dotted domain, no spaces; mail servers decide the rest.
    [GeneratedRegex(@"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Pattern();

    /// <summary>The address trimmed, with its domain in lower case, or why it is not usable.</summary>
    public static Checked Validate(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return Checked.Refused(string.Empty, "L'indirizzo e-mail è obbligatorio.", "The e-mail address is required.");
        }

        var address = email.Trim();
        if (address.Length > MaxLength)
        {
            return Checked.Refused(string.Empty, $"L'indirizzo e-mail è troppo lungo (massimo {MaxLength} caratteri).",
                $"The e-mail address is too long (at most {MaxLength} characters).");
        }

        if (!address.Contains('@', StringComparison.Ordinal))
        {
            return Checked.Refused(address, $"«{address}» non è un indirizzo e-mail: manca la @.", $"'{address}' is not an e-mail address: the @ is missing.");
        }

        if (!Pattern().IsMatch(address))
        {
            return Checked.Refused(address, $"«{address}» non è un indirizzo e-mail valido (esempio: nome@dominio.it).",
                $"'{address}' is not a valid e-mail address (for example name@domain.it).");
        }

        var at = address.LastIndexOf('@');
        return Checked.Ok(address[..at] + address[at..].ToLowerInvariant());
    }

    /// <summary>Returns why <paramref name="email"/> is not usable (in the current UI language), or null when it is.</summary>
    public static string? Check(string? email) => Validate(email).Message;
}
