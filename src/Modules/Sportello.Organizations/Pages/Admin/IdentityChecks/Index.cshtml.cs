using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.Mail;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Admin.IdentityChecks;

/// <summary>The identity-check queue: photos waiting for a decision first, then checks waiting for the user, then the latest decided; and a new check for a user.</summary>
[RequirePermission(OrganizationsPermissions.IdentityChecks)]
public sealed class IndexModel(Domain.IdentityChecks checks, IStringLocalizer<OrganizationsStrings> L) : IdentityCheckPage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public IdentityCheckPurpose Purpose { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<IdentityCheck> Queue { get; private set; } = [];
    public TimeSpan? AverageHandling { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done == "opened" ? L["Verifica aperta: l'utente ha ricevuto il collegamento per e-mail."].Value : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        try
        {
            await checks.OpenForAsync(Email, Purpose, Note, Operator, ct);
            return RedirectToPage(new { done = "opened" });
        }
        catch (SportelloValidationException refused)
        {
            Show(refused);
        }
        catch (MailDeliveryException failed)
        {
            Problem = L["La verifica è aperta ma l'e-mail non è partita: {0} Aprila e usa «Invia di nuovo il collegamento».", L[MailDeliveryException.FormatOf(failed.Problem), failed.Server].Value];
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Queue = await checks.QueueAsync(ct);
        AverageHandling = await checks.AverageHandlingAsync(ct);
    }
}
