using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Validation;
using Sportello.Organizations;

namespace Sportello.Billing.Pages.Admin.Billing.Balances;

/// <summary>An organization's prepaid balance for the back office: its movements, and an adjustment with the reason the customer reads.</summary>
[RequirePermission(BillingPermissions.View)]
public sealed class DetailsModel(Domain.Balances balances, Payments payments, IOrganizationDirectory organizations, IAuthorizationService authorization, IStringLocalizer<BillingStrings> L) : PageModel
{
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public OrganizationProfile Organization { get; private set; } = null!;
    public Money Available { get; private set; }
    public IReadOnlyList<BalanceEntry> Movements { get; private set; } = [];
    public bool MayAdjust { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organizationId, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(organizationId, ct))
        {
            return NotFound();
        }

        Message = done == "adjusted" ? L["Rettifica registrata."].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid organizationId, CancellationToken ct)
    {
        if (!await LoadAsync(organizationId, ct))
        {
            return NotFound();
        }

        if (!MayAdjust)
        {
            return Forbid();
        }

        try
        {
            decimal? amount = decimal.TryParse((Amount ?? string.Empty).Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
            await payments.AdjustBalanceAsync(organizationId, amount, Reason, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, ct);
            return RedirectToPage(new { organizationId, done = "adjusted" });
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(char.ToUpperInvariant(problem.Field[0]) + problem.Field[1..], problem.Message);
            }
        }
        catch (Exception conflict) when (StoreConflicts.IsConflict(conflict))
        {
            Errors.Add(nameof(Amount), L["Il credito è cambiato nello stesso momento: ricarica la pagina e riprova."]);
        }

        await LoadAsync(organizationId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid organizationId, CancellationToken ct)
    {
        if (await organizations.FindAsync(organizationId, ct) is not { } organization)
        {
            return false;
        }

        Organization = organization;
        Available = await balances.OfAsync(organizationId, ct);
        Movements = await balances.MovementsAsync(organizationId, 200, ct);
        MayAdjust = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.PolicyFor(BillingPermissions.Payments))).Succeeded;
        return true;
    }
}
