using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Security;
using Sportello.Core.Localization;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;
using Sportello.Mail;

namespace Sportello.Identity.Pages.Account;

/// <summary>The user's own profile: name, language, and a new e-mail address that takes effect once confirmed.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class IndexModel(SignInManager<SportelloUser> signIn, AccountMail mail) : PageModel
{
    [BindProperty]
    public string DisplayName { get; set; } = string.Empty;

    [BindProperty]
    public string? Culture { get; set; }

    [BindProperty]
    public string? NewEmail { get; set; }

    public string Email { get; private set; } = string.Empty;
    public IList<string> Roles { get; private set; } = [];
    public string? Message { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    private UserManager<SportelloUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync(string? saved)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Message = saved switch
        {
            "email" => "Ti abbiamo inviato un collegamento al nuovo indirizzo: la modifica vale quando lo apri.",
            "profile" => "Profilo aggiornato.",
            _ => null,
        };
        DisplayName = user.DisplayName;
        Culture = user.Culture;
        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 200)
        {
            errors.Add("Scrivi nome e cognome (al massimo 200 caratteri).");
        }

        if (!string.IsNullOrEmpty(Culture) && SportelloCultures.Supported.All(c => c.Name != Culture))
        {
            errors.Add("Lingua non disponibile.");
        }

        var changingEmail = !string.IsNullOrWhiteSpace(NewEmail) && !string.Equals(NewEmail.Trim(), user.Email, StringComparison.OrdinalIgnoreCase);
        if (changingEmail && EmailAddress.Check(NewEmail) is not null)
        {
            errors.Add("Scrivi un indirizzo e-mail valido (esempio: nome@dominio.it).");
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            await ShowAsync(user);
            return Page();
        }

        user.DisplayName = DisplayName.Trim();
        user.Culture = string.IsNullOrEmpty(Culture) ? null : Culture;
        await Users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        if (changingEmail)
        {
            // The address changes only when the link sent to it is opened: nobody can take over an address they cannot read.
            try
            {
                await mail.SendEmailChangeAsync(user, NewEmail!.Trim(), ct);
            }
            catch (MailDeliveryException)
            {
                Errors = ["Il resto è stato salvato, ma il messaggio per confermare il nuovo indirizzo non è partito: riprova tra qualche minuto."];
                await ShowAsync(user);
                return Page();
            }
        }

        // Redirect, so the confirmation is shown by a fresh request that already speaks the chosen language.
        return RedirectToPage(new { saved = changingEmail ? "email" : "profile" });
    }

    private async Task ShowAsync(SportelloUser user)
    {
        Email = user.Email ?? string.Empty;
        Roles = await Users.GetRolesAsync(user);
    }
}
