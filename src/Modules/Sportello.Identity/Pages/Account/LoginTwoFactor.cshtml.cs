using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Events;
using Sportello.Core.Security;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;
using Sportello.Identity.Security;

namespace Sportello.Identity.Pages.Account;

/// <summary>The second step of signing in: an authenticator code, or a recovery code (each works once).</summary>
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class LoginTwoFactorModel(SignInManager<SportelloUser> signIn, AccountAudit audit, PasskeySignIn passkeys, IdentityStoreDbContext db) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public string? Error { get; private set; }

    public bool RecoveryAsked { get; private set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>Options for the passkeys of the user who typed the password, and no one else's.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is { } user
            ? Content(await passkeys.RequestOptionsAsync(user), "application/json")
            : NotFound();

    /// <summary>A passkey instead of the authenticator code: it must be the same user's.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect(Url.Content("~/account/login"));
        }

        Error = await passkeys.SignInAsync(CredentialJson, expected: user, ct);
        return Error is null ? LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl)) : Page();
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect(Url.Content("~/account/login")) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect(Url.Content("~/account/login"));
        }

        var code = Code.Trim();
        var digits = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        var isAppCode = digits.Length == 6 && digits.All(char.IsAsciiDigit);
        var result = isAppCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.SignedInAsync(user, isAppCode ? AuditActions.SignedIn : AuditActions.RecoveryCodeUsed, ct: ct);
            return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user, detail: "second factor", ct: ct);
        Error = result.IsLockedOut ? LoginModel.PausedAfterCodes : "Il codice non è valido o è già stato usato.";
        return Page();
    }

    /// <summary>Lost both factors: the organizations module opens an identity check and e-mails its link (the password step was passed).</summary>
    public async Task<IActionResult> OnPostLostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect(Url.Content("~/account/login"));
        }

        db.Raise(new TwoFactorRecoveryRequested(user.Id, user.Email!, user.DisplayName));
        await audit.RecordAsync(AuditActions.TwoFactorRecoveryRequested, user, ct: ct);
        RecoveryAsked = true;
        return Page();
    }
}
