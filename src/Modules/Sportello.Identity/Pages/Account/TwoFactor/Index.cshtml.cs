using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Security;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account.TwoFactor;

[Authorize]
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class IndexModel(SignInManager<SportelloUser> signIn, AccountAudit audit) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string Code { get; set; } = string.Empty;

    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewCodes { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    private UserManager<SportelloUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostRegenerateAsync(CancellationToken ct)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!Enabled || !await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, Code))
        {
            Error = "Il codice non è valido. Usa il codice che l'app mostra adesso.";
            return Page();
        }

        NewCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        if (NewCodes.Count == 0)
        {
            Error = "I codici sono appena stati cambiati da un'altra richiesta: ricarica la pagina.";
            return Page();
        }

        await audit.RecordAsync(AuditActions.RecoveryCodesGenerated, user, ct: ct);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        var code = Code.Trim();
        var valid = Enabled && (await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code)
            || (await Users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
        if (!valid)
        {
            Error = "Per disattivarla serve un codice valido dell'app o un codice di recupero.";
            return Page();
        }

        // Turning it off rotates the security stamp; a new key is drawn so the old enrolment is useless.
        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, user, ct: ct);
        Message = "La verifica in due passaggi è stata disattivata.";
        await LoadAsync();
        return Page();
    }

    private async Task<SportelloUser?> LoadAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is not null)
        {
            Enabled = user.TwoFactorEnabled;
            RecoveryCodesLeft = await Users.CountRecoveryCodesAsync(user);
        }

        return user;
    }
}
