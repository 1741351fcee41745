using Microsoft.Extensions.Localization;
using Sportello.Core.Validation;

namespace Sportello.Identity.Domain;

/// <summary>The name and e-mail address of someone who gets an account: one rule for sign-up and invitation.</summary>
internal static class PersonFields
{
    public static void Check(FieldErrors errors, IStringLocalizer l, string nameField, string name, string emailField, string email)
    {
        if (name.Length is 0 or > 200)
        {
            errors.Add(nameField, l["Scrivi nome e cognome (al massimo 200 caratteri)."]);
        }

        if (EmailAddress.Check(email) is not null)
        {
            errors.Add(emailField, l["Scrivi un indirizzo e-mail valido (esempio: nome@dominio.it)."]);
        }
    }
}
