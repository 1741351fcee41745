using Microsoft.AspNetCore.Identity;

namespace Sportello.Identity.Domain;

/// <summary>Identity's error codes in words for the user (Identity's own descriptions are English only).</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "La password è troppo corta: servono almeno 10 caratteri.",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "La password deve contenere almeno una cifra.",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "La password deve contenere almeno una lettera minuscola.",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "La password deve contenere almeno una lettera maiuscola.",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "La password deve contenere almeno un simbolo.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "La password attuale non è corretta.",
        nameof(IdentityErrorDescriber.InvalidToken) => "Il collegamento è scaduto o è già stato usato.",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "Questo indirizzo e-mail è già in uso.",
        nameof(IdentityErrorDescriber.InvalidEmail) => "L'indirizzo e-mail non è valido.",
        _ => error.Description,
    };
}
