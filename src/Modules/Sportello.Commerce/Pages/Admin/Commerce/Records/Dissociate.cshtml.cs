using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sportello.Commerce.Domain;
using Sportello.Core.Security;
using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Pages.Admin.Commerce.Records;

/// <summary>
/// "Modifica → Account" of a customer record: unties the account from this record only. For the account's last
/// record the page offers to deactivate the account instead.
/// </summary>
[RequirePermission(CommercePermissions.Users)]
public sealed class DissociateModel(RecordAccounts operations, IAccountRecords records, ICustomerAccounts accounts, IStringLocalizer<CommerceStrings> L) : PageModel
{
    public OrganizationProfile Record { get; private set; } = null!;
    public RecordAccount Account { get; private set; } = null!;
    public IReadOnlyList<AccountRecord> Others { get; private set; } = [];
    public string? Problem { get; private set; }

    /// <summary>This is the account's only record: dissociating is refused, deactivating is offered.</summary>
    public bool Last => Others.Count == 0;

    public async Task<IActionResult> OnGetAsync(Guid organizationId, string userId, CancellationToken ct) =>
        await LoadAsync(organizationId, userId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        if (!await LoadAsync(organizationId, userId, ct))
        {
            return NotFound();
        }

        switch (await operations.DissociateAsync(Record, Account, ct))
        {
            case Dissociation.Dissociated:
                return Redirect(Url.Content($"~/admin/commerce/users/{Uri.EscapeDataString(userId)}?done=dissociated"));
            case Dissociation.NotLinked:
                return NotFound();
            case Dissociation.LastLegalRepresentative:
                Problem = L["{0} è l'unico legale rappresentante di {1}: prima nominane un altro dalla pagina dei membri dell'organizzazione.", Account.DisplayName, Record.LegalName];
                break;
            default:
                Problem = L["Questa è l'unica anagrafica dell'account: non si può dissociare. Se il cliente non deve più accedere, disattiva l'account."];
                break;
        }

        await LoadAsync(organizationId, userId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        if (!await LoadAsync(organizationId, userId, ct))
        {
            return NotFound();
        }

        await accounts.SetActiveAsync(userId, active: false, ct);
        return Redirect(Url.Content($"~/admin/commerce/users/{Uri.EscapeDataString(userId)}?done=deactivated"));
    }

    private async Task<bool> LoadAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        if (await operations.FindAsync(organizationId, userId, ct) is not { } found || await accounts.FindAsync(userId, ct) is null)
        {
            return false;
        }

        (Record, Account) = found;
        Others = ((await records.OfAsync([userId], ct)).GetValueOrDefault(userId) ?? []).Where(r => r.OrganizationId != organizationId).ToList();
        return true;
    }
}
