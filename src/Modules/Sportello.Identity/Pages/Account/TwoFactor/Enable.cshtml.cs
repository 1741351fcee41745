using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account.TwoFactor;

/// <summary>Enrols an authenticator app: QR code and key, one code to prove it works, then ten recovery codes shown once.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class EnableModel(SignInManager<SportelloUser> signIn, TenantContext tenant, AccountAudit audit) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    /// <summary>Where to go on once enrolled: the page a rule sent the user here from.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ContinueUrl => ReturnUrls.Safe(Url, ReturnUrl);

    public string ReadableKey { get; private set; } = string.Empty;
    public string QrSvg { get; private set; } = string.Empty;
    public string? Error { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    private UserManager<SportelloUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect(Url.Content("~/account/two-factor"));
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            Error = "Il codice non è valido. Controlla che l'ora del telefono sia giusta e usa il codice che l'app mostra adesso.";
            await ShowKeyAsync(user);
            return Page();
        }

        // A second request with the same code, sent at the same moment, finds the user changed under it: it says so.
        var codes = (await Users.SetTwoFactorEnabledAsync(user, true)).Succeeded
            ? await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, IndexModel.RecoveryCodeCount)
            : null;
        if (codes is null)
        {
            Error = "La verifica in due passaggi è appena stata attivata da un'altra richiesta: ricarica la pagina.";
            await ShowKeyAsync(user);
            return Page();
        }

        RecoveryCodes = codes.ToList();
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, user, ct: ct);
        return Page();
    }

    private async Task ShowKeyAsync(SportelloUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // a new key rotates the stamp: keep this session, as the user's own change
            key = await Users.GetAuthenticatorKeyAsync(user);
        }

        ReadableKey = AuthenticatorQrCode.Readable(key!);
        QrSvg = Sportello.Core.Web.QrCode.Svg(AuthenticatorQrCode.Uri(tenant.Tenant.DisplayName, user.Email!, key!));
    }
}
