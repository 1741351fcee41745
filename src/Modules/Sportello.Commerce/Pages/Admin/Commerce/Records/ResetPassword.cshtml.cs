using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Commerce.Domain;
using Sportello.Core.Security;
using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Pages.Admin.Commerce.Records;

/// <summary>"Scorciatoie → Reset password" of a customer record: asks first, then e-mails what the tenant's setting says.</summary>
[RequirePermission(CommercePermissions.Users)]
public sealed class ResetPasswordModel(RecordAccounts operations) : PageModel
{
    public OrganizationProfile Record { get; private set; } = null!;
    public RecordAccount Account { get; private set; } = null!;
    public PasswordDelivery Delivery => operations.Delivery;
    public bool Sent { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organizationId, string userId, bool sent, CancellationToken ct)
    {
        Sent = sent;
        return await LoadAsync(organizationId, userId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        if (!await LoadAsync(organizationId, userId, ct))
        {
            return NotFound();
        }

        Problem = await operations.SendPasswordAsync(Record, Account, ct);
        return Problem is null ? RedirectToPage(new { organizationId, userId, sent = true }) : Page();
    }

    private async Task<bool> LoadAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        if (await operations.FindAsync(organizationId, userId, ct) is not { } found)
        {
            return false;
        }

        (Record, Account) = found;
        return true;
    }
}
