using Microsoft.AspNetCore.Identity;

namespace Sportello.Identity.Domain;

/// <summary>Identity's password policy as plain checks with Italian reasons, for validating before anything is written.</summary>
public static class PasswordRules
{
    public static IEnumerable<string> Check(string password, PasswordOptions rules)
    {
        if (password.Length < rules.RequiredLength)
        {
            yield return $"La password deve avere almeno {rules.RequiredLength} caratteri.";
        }

        if (rules.RequireDigit && !password.Any(char.IsAsciiDigit))
        {
            yield return "La password deve contenere almeno una cifra.";
        }

        if (rules.RequireLowercase && !password.Any(char.IsAsciiLetterLower))
        {
            yield return "La password deve contenere almeno una lettera minuscola.";
        }

        if (rules.RequireUppercase && !password.Any(char.IsAsciiLetterUpper))
        {
            yield return "La password deve contenere almeno una lettera maiuscola.";
        }

        if (rules.RequireNonAlphanumeric && password.All(char.IsAsciiLetterOrDigit))
        {
            yield return "La password deve contenere almeno un simbolo.";
        }

        if (password.Distinct().Count() < rules.RequiredUniqueChars)
        {
            yield return $"La password deve contenere almeno {rules.RequiredUniqueChars} caratteri diversi.";
        }
    }
}
