using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;

namespace Sportello.Billing.Pages.Area.Balance;

/// <summary>
/// The organization's prepaid balance: what is available, every movement (top-ups, payments, refunds, adjustments
/// with their reason, cashback), and a top-up form that places a top-up order to pay like any other.
/// </summary>
public sealed class IndexModel(Balances balances, TopUps topUps, Catalog catalog) : BillingAreaPage
{
    public const int Shown = 100;

    // As typed: a number field sends "12.5" whatever the page's language, and a person may type "12,5".
    [BindProperty] public string? Amount { get; set; }

    public Money Available { get; private set; }
    public IReadOnlyList<BalanceEntry> Movements { get; private set; } = [];
    public Currency Currency => catalog.Currency;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMembershipAsync(ct))
        {
            await LoadAsync(ct);
        }
    }

    public Task<IActionResult> OnPostTopUpAsync(CancellationToken ct) => PayingAsync(async () =>
    {
        if (!decimal.TryParse((Amount ?? string.Empty).Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            Errors.Add(nameof(Amount), L["Scrivi l'importo della ricarica, per esempio 50 o 12,50."]);
            await LoadAsync(ct);
            return Page();
        }

        var placed = await topUps.PlaceAsync(Membership!.OrganizationId, new Money(amount, catalog.Currency), UserId, ct);
        return RedirectToPage("/Area/Orders/Details", new { orderId = placed.OrderId, done = "placed" });
    }, () => LoadAsync(ct), ct, field => field == "amount" ? nameof(Amount) : field);

    private async Task LoadAsync(CancellationToken ct)
    {
        Available = await balances.OfAsync(Membership!.OrganizationId, ct);
        Movements = await balances.MovementsAsync(Membership.OrganizationId, Shown, ct);
    }
}
