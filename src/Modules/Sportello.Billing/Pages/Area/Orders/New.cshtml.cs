using Microsoft.AspNetCore.Mvc;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Pages.Area.Orders;

/// <summary>
/// Ordering from the catalog: a product, a term among those priced, how many. An organization in an agreement sees
/// and gets the agreement's prices. The order is created pending, and its page offers the ways to pay.
/// </summary>
public sealed class NewModel(Catalog catalog, ProductTypes types, IOrders orders) : BillingAreaPage
{
    /// <summary>The product's code and the term's, as one radio button sends them: <c>assistenza|1y</c>.</summary>
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public int Quantity { get; set; } = 1;

    public IReadOnlyList<(Product Product, IReadOnlyList<ProductPrice> Prices)> Offer { get; private set; } = [];
    public Agreement? Agreement { get; private set; }
    public Sportello.Core.Finance.Currency Currency => catalog.Currency;

    public async Task<IActionResult> OnGetAsync(string? product, CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return NotFound();
        }

        if (!MayPay)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        Choice = Offer.FirstOrDefault(o => o.Product.Code == product) is { Prices.Count: > 0 } chosen ? $"{chosen.Product.Code}|{chosen.Prices[0].Term}" : null;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => PayingAsync(async () =>
    {
        var agreement = await catalog.AgreementOfAsync(Membership!.OrganizationId, ct);
        var parts = (Choice ?? string.Empty).Split('|');
        if (parts.Length != 2 || Term.Find(parts[1]) is not { } term)
        {
            Errors.Add(nameof(Choice), L["Scegli un prodotto e la sua durata."]);
            await LoadAsync(ct);
            return Page();
        }

        var placed = await orders.PlaceAsync(new NewOrder(Membership.OrganizationId, OrderKind.FirstPurchase,
            [new NewOrderLine(parts[0], term, Quantity)], UserId, agreement?.Code), ct);
        return RedirectToPage("Details", new { orderId = placed.OrderId, done = "placed" });
    }, () => LoadAsync(ct), ct, field => field.Replace("lines[0].", string.Empty, StringComparison.Ordinal) switch
    {
        "product" or "term" => nameof(Choice),
        "quantity" => nameof(Quantity),
        var other when other.StartsWith("organization.", StringComparison.Ordinal) => nameof(Choice), // what the e-invoice still needs
        var other => other,
    });

    private async Task LoadAsync(CancellationToken ct)
    {
        Agreement = await catalog.AgreementOfAsync(Membership!.OrganizationId, ct);
        Offer = await catalog.OfferAsync(Agreement?.Id, ct);
        // Products whose module asks for line data (mailbox names...) are ordered from that module's own pages.
        Offer = Offer.Where(o => types.Sold(o.Product.Type) is { LineData: null }).ToList();
    }
}
