using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity.Data;

namespace Sportello.Identity.Pages.Account;

public sealed class LoginModel(SignInManager<SportelloUser> signIn) : PageModel
{
    // One answer for a wrong password and an unknown address, so the page does not tell which e-mails exist.
    internal const string Refused = "E-mail o password non corretti.";
    internal const string LockedOut = "Troppi tentativi non riusciti: l'accesso è bloccato per qualche minuto. Riprova più tardi.";

    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

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

        // PasswordSignInAsync hashes even for unknown users, keeping both answers in the same timing class.
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        Error = result.IsLockedOut ? LockedOut : Refused;
        return Page();
    }

    /// <summary>Only a path inside this site: anything else (another host, "//evil") goes to the home page.</summary>
    private string SafeReturnUrl() => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : Url.Content("~/");
}
