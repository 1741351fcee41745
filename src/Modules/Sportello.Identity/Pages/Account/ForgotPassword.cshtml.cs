using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sportello.Core.Events;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

/// <summary>
/// Asks for a password-reset link. The answer is the same, and as quick, whether or not the address has an
/// account: the message itself is sent after the answer, by the outbox.
/// </summary>
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class ForgotPasswordModel(UserManager<SportelloUser> users, IdentityStoreDbContext db, AccountAudit audit, IStringLocalizer<IdentityStrings> L) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public FieldErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var email = Email.Trim();
        if (EmailAddress.Check(email) is not null)
        {
            Errors.Add(nameof(Email), L["Scrivi un indirizzo e-mail valido (esempio: nome@dominio.it)."]);
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            // An account still to be confirmed gets its confirmation link again: that is what it is missing.
            db.Raise(user.EmailConfirmed ? new PasswordResetRequested(user.Id) : new ConfirmationRequested(user.Id));
        }

        await audit.RecordAsync(AuditActions.PasswordResetRequested, user, email, user is null ? "unknown address" : null, ct);
        Sent = true;
    }
}
