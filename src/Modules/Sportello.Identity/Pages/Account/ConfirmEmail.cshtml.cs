using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<SportelloUser> users, AccountAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (UserId is null || Code is null || await users.FindByIdAsync(UserId) is not { } user)
        {
            return;
        }

        if (user.EmailConfirmed)
        {
            // Clicked again: still confirmed, but nothing new happened to record.
            Confirmed = true;
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, Code)).Succeeded;
        if (Confirmed)
        {
            await audit.RecordAsync(AuditActions.EmailConfirmed, user, ct: ct);
        }
    }
}
