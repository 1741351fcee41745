using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<SportelloUser> users, AccountMail mail, AuditLog audit) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        // The same answer whether or not the address exists, so the page reveals nothing.
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is not null && user.EmailConfirmed)
        {
            await mail.SendPasswordResetAsync(user, ct);
            await audit.RecordAsync(AuditActions.PasswordResetRequested, user, ct: ct);
        }

        Sent = true;
    }
}
