using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

public sealed class LoginModel(SignInManager<SportelloUser> signIn, AuditLog audit, TenantContext tenant) : PageModel
{
    // One answer for a wrong password and an unknown address, so the page does not tell which e-mails exist.
    internal const string Refused = "E-mail o password non corretti.";
    internal const string LockedOut = "Troppi tentativi non riusciti: l'accesso è bloccato per qualche minuto. Riprova più tardi.";
    internal const string Unconfirmed = "Prima di accedere conferma il tuo indirizzo e-mail con il collegamento che ti abbiamo inviato.";

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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = Refused;
            return Page();
        }

        var email = Email.Trim();
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a password check takes, so an unknown address is not faster to refuse.
            signIn.UserManager.PasswordHasher.HashPassword(new SportelloUser(), Password);
            await audit.RecordAsync(AuditActions.SignInFailed, null, email, "unknown address");
            Error = Refused;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignedIn, user);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginTwoFactor", new { ReturnUrl = SafeReturnUrl(), RememberMe });
        }

        // Identity says "not allowed" (e-mail unconfirmed) before it checks the password: say so only to the owner.
        var unconfirmed = result.IsNotAllowed && await signIn.UserManager.CheckPasswordAsync(user, Password);
        await audit.RecordAsync(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, user);
        Error = result.IsLockedOut ? LockedOut : unconfirmed ? Unconfirmed : Refused;
        return Page();
    }

    private string SafeReturnUrl() => ReturnUrls.Safe(Url, ReturnUrl);
}
