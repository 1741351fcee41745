using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Events;
using Sportello.Core.Security;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

public enum ResetOutcome
{
    Form,
    Done,
    Invalid,
    Resent,
}

[EnableRateLimiting(RateLimits.Guarded)]
public sealed class ResetPasswordModel(UserManager<SportelloUser> users, IdentityStoreDbContext db, AccountAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    public ResetOutcome Outcome { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => Outcome = await FindValidAsync() is null ? ResetOutcome.Invalid : ResetOutcome.Form;

    public async Task OnPostAsync(CancellationToken ct)
    {
        var user = await FindValidAsync();
        if (user is null)
        {
            Outcome = ResetOutcome.Invalid;
            return;
        }

        var result = await users.ResetPasswordAsync(user, Code!, Password);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            if (user.MustChangePassword)
            {
                user.MustChangePassword = false; // chosen by the customer: nothing left to change
                await users.UpdateAsync(user);
            }

            await audit.RecordAsync(AuditActions.PasswordReset, user, ct: ct);
            Outcome = ResetOutcome.Done;
            return;
        }

        Errors = result.Errors.Select(IdentityMessages.Describe).ToList();
        Outcome = ResetOutcome.Form;
    }

    public async Task OnPostResendAsync(CancellationToken ct)
    {
        if (UserId is not null && await users.FindByIdAsync(UserId) is { EmailConfirmed: true } user)
        {
            db.Raise(new PasswordResetRequested(user.Id));
            await audit.RecordAsync(AuditActions.PasswordResetRequested, user, detail: "expired link", ct: ct);
        }

        Outcome = ResetOutcome.Resent;
    }

    private async Task<SportelloUser?> FindValidAsync()
    {
        if (UserId is null || Code is null || await users.FindByIdAsync(UserId) is not { } user)
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<SportelloUser>.ResetPasswordTokenPurpose, Code);
        return valid ? user : null;
    }
}
