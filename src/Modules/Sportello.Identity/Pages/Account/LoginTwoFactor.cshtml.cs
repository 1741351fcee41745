using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

/// <summary>The second step of signing in: an authenticator code, or a recovery code (each works once).</summary>
public sealed class LoginTwoFactorModel(SignInManager<SportelloUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public string? Error { get; private set; }

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
        var isAppCode = code.Replace(" ", string.Empty, StringComparison.Ordinal).Length == 6 && code.Replace(" ", string.Empty, StringComparison.Ordinal).All(char.IsAsciiDigit);
        var result = isAppCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.RecordAsync(isAppCode ? AuditActions.SignedIn : AuditActions.RecoveryCodeUsed, user, ct: ct);
            return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user, detail: "second factor", ct: ct);
        Error = result.IsLockedOut ? LoginModel.LockedOut : "Il codice non è valido o è già stato usato.";
        return Page();
    }
}
