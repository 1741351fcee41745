using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;
using Sportello.Identity.Security;

namespace Sportello.Identity.Pages.Account;

/// <summary>
/// Sign-in. Every refusal a stranger can provoke reads and costs the same for known and unknown addresses; what
/// is wrong with an account (unconfirmed, locked) is said only once the right password has been typed.
/// </summary>
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class LoginModel(SignInManager<SportelloUser> signIn, SignInThrottle throttle, AccountAudit audit, PasskeySignIn passkeys, TenantContext tenant) : PageModel
{
    internal const string Refused = "E-mail o password non corretti.";
    internal const string TooMany = "Troppi tentativi non riusciti da questo dispositivo: riprova tra 15 minuti, oppure chiedi una nuova password.";
    internal const string Unconfirmed = "Prima di accedere conferma il tuo indirizzo e-mail con il collegamento che ti abbiamo inviato.";
    internal const string Suspended = "Il tuo accesso è stato sospeso. Per sapere perché, contatta l'assistenza.";
    internal const string PausedAfterCodes = "Troppi codici non validi: l'accesso è sospeso per qualche minuto. Riprova più tardi.";

    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public bool SignUpAllowed => tenant.GetModuleSettings<IdentitySettings>(IdentityModule.ModuleId).AllowSignUp;

    private UserManager<SportelloUser> Users => signIn.UserManager;

    [BindProperty]
    public string? CredentialJson { get; set; }

    public void OnGet()
    {
    }

    /// <summary>Options for <c>navigator.credentials.get()</c>: whichever of the tenant's passkeys the device holds.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await passkeys.RequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken ct)
    {
        Error = await passkeys.SignInAsync(CredentialJson, expected: null, ct);
        return Error is null ? LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl)) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email.Trim();
        if (email.Length == 0 || Password.Length == 0)
        {
            Error = Refused;
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress?.ToString();
        var user = await Users.FindByEmailAsync(email);
        if (await throttle.IsBlockedAsync(email, client, user?.SecurityStamp, ct))
        {
            SpendAPasswordCheck();
            await audit.RecordAsync(AuditActions.SignInFailed, user, email, "too many attempts from this client", ct);
            Error = TooMany;
            return Page();
        }

        if (user is null)
        {
            SpendAPasswordCheck();
            return await FailedAsync(null, email, client, "unknown address", ct);
        }

        var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.ForgetAsync(email, client, user.SecurityStamp, ct);
            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("LoginTwoFactor", new { ReturnUrl = ReturnUrls.Safe(Url, ReturnUrl), RememberMe });
            }

            await audit.SignedInAsync(user, ct: ct);
            return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        }

        // "Unconfirmed" and "locked" are decided before Identity looks at the password: look at it now, so this
        // answer costs what the others cost and tells the state of the account only to whoever knows its password.
        if (!(result.IsNotAllowed || result.IsLockedOut) || !await Users.CheckPasswordAsync(user, Password))
        {
            return await FailedAsync(user, email, client, null, ct);
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user, detail: result.IsLockedOut ? "locked" : "unconfirmed", ct: ct);
        Error = !result.IsLockedOut ? Unconfirmed : user.LockoutEnd == DateTimeOffset.MaxValue ? Suspended : PausedAfterCodes;
        return Page();
    }

    private async Task<IActionResult> FailedAsync(SportelloUser? user, string email, string? client, string? detail, CancellationToken ct)
    {
        await throttle.RecordFailureAsync(email, client, user?.SecurityStamp, ct);
        await audit.RecordAsync(AuditActions.SignInFailed, user, email, detail, ct);
        Error = Refused;
        return Page();
    }

    // An answer without a password check would be measurably faster, and tell that the address is unknown.
    private void SpendAPasswordCheck() => Users.PasswordHasher.HashPassword(new SportelloUser(), Password);
}
