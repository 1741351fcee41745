using System.Text.RegularExpressions;

namespace Sportello.Core.Validation;

/// <summary>The one e-mail check every form, import and recipe uses.</summary>
public static partial class EmailAddress
{
    // Deliberately practical: one @, a dotted domain, no spaces; mail servers decide the rest.
    [GeneratedRegex(@"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Pattern();

    /// <summary>Returns why <paramref name="email"/> is not usable, or null when it is.</summary>
    public static string? Check(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "L'indirizzo e-mail è obbligatorio.";
        }

        if (email.Length > 254)
        {
            return "L'indirizzo e-mail è troppo lungo (massimo 254 caratteri).";
        }

        if (!email.Contains('@', StringComparison.Ordinal))
        {
            return $"'{email}' non è un indirizzo e-mail: manca la @.";
        }

        return Pattern().IsMatch(email) ? null : $"'{email}' non è un indirizzo e-mail valido (esempio: nome@dominio.it).";
    }
}
