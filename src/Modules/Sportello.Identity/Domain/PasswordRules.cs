using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Sportello.Identity.Domain;

/// <summary>
/// Identity's password policy as plain checks, for validating before anything is written. Reasons are Italian, or in
/// the request's language when a localizer is given.
/// </summary>
public static class PasswordRules
{
    public static IEnumerable<string> Check(string? password, PasswordOptions rules, IStringLocalizer? localizer = null)
    {
        password ??= string.Empty;
        string T(string text, params object[] args) =>
            localizer is null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, text, args) : localizer[text, args];

        if (password.Length < rules.RequiredLength)
        {
            yield return T("La password deve avere almeno {0} caratteri.", rules.RequiredLength);
        }

        if (rules.RequireDigit && !password.Any(char.IsAsciiDigit))
        {
            yield return T("La password deve contenere almeno una cifra.");
        }

        if (rules.RequireLowercase && !password.Any(char.IsAsciiLetterLower))
        {
            yield return T("La password deve contenere almeno una lettera minuscola.");
        }

        if (rules.RequireUppercase && !password.Any(char.IsAsciiLetterUpper))
        {
            yield return T("La password deve contenere almeno una lettera maiuscola.");
        }

        if (rules.RequireNonAlphanumeric && password.All(char.IsAsciiLetterOrDigit))
        {
            yield return T("La password deve contenere almeno un simbolo.");
        }

        if (password.Distinct().Count() < rules.RequiredUniqueChars)
        {
            yield return T("La password deve contenere almeno {0} caratteri diversi.", rules.RequiredUniqueChars);
        }
    }
}
