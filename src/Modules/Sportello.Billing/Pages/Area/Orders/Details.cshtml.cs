using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Pages.Area.Orders;

/// <summary>
/// One order of the organization: its lines with VAT, what was paid and how, and for a pending order the ways to
/// pay (the balance, a bank transfer to the tenant's IBAN) and to cancel it, which asks for confirmation first.
/// </summary>
public sealed class DetailsModel(
    BillingDbContext db,
    Payments payments,
    OrderActions actions,
    Balances balances,
    Checkouts checkouts,
    IOptions<BillingProviderOptions> providers,
    TenantContext tenant) : BillingAreaPage
{
    public IReadOnlyList<PaymentMethod> Methods { get; private set; } = [];
    public Order? Order { get; private set; }
    public IReadOnlyList<Payment> Paid { get; private set; } = [];
    public IReadOnlyList<(Guid Id, DocumentKind Kind, string Number)> Issued { get; private set; } = [];
    public Money Balance { get; private set; }
    public bool Confirming { get; private set; }
    public BillingProfile Profile => tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId).Profile;
    public bool Pending => Order?.Status == OrderStatus.PendingPayment;

    public async Task<IActionResult> OnGetAsync(Guid orderId, string? confirm, string? done, CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct) || !await LoadAsync(orderId, ct))
        {
            return NotFound();
        }

        Confirming = confirm == "cancel" && Pending && MayPay;
        Message = done switch
        {
            "placed" => L["Ordine creato: scegli come pagarlo."].Value,
            "balance" => L["Pagamento con il credito registrato."].Value,
            "cancelled" => L["Ordine annullato."].Value,
            "procurement" => L["CIG e CUP salvati: saranno nella fattura elettronica."].Value,
            "paid" => L["Pagamento ricevuto: grazie."].Value,
            "refused" when Pending => L["Il gestore ha rifiutato il pagamento: l'ordine resta da pagare, puoi riprovare."].Value,
            "returned" when Pending => L["Grazie: stiamo aspettando la conferma del pagamento dal gestore. Ricarica la pagina fra qualche secondo per vederla."].Value,
            "abandoned" when Pending => L["Pagamento interrotto: l'ordine resta da pagare."].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostBalanceAsync(Guid orderId, CancellationToken ct) => !await MineAsync(orderId, ct) ? NotFound() : await PayingAsync(async () =>
    {
        await payments.PayFromBalanceAsync(orderId, UserId, ct);
        return RedirectToPage(new { orderId, done = "balance" });
    }, () => LoadAsync(orderId, ct), ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid orderId, CancellationToken ct) => !await MineAsync(orderId, ct) ? NotFound() : await PayingAsync(async () =>
    {
        await actions.CancelAsync(orderId, null, ct);
        return RedirectToPage(new { orderId, done = "cancelled" });
    }, () => LoadAsync(orderId, ct), ct);

    [BindProperty] public string? Cig { get; set; }
    [BindProperty] public string? Cup { get; set; }

    public async Task<IActionResult> OnPostProcurementAsync(Guid orderId, CancellationToken ct) => !await MineAsync(orderId, ct) ? NotFound() : await PayingAsync(async () =>
    {
        await actions.SetProcurementAsync(orderId, Cig, Cup, ct);
        return RedirectToPage(new { orderId, done = "procurement" });
    }, () => LoadAsync(orderId, ct), ct, field => field switch { "cig" => nameof(Cig), "cup" => nameof(Cup), var other => other });

    /// <summary>Starts (or resumes) paying through a provider and sends the customer to its hosted page.</summary>
    public async Task<IActionResult> OnPostProviderAsync(Guid orderId, PaymentMethod method, CancellationToken ct) => !await MineAsync(orderId, ct) ? NotFound() : await PayingAsync(async () =>
        Redirect(await checkouts.StartAsync(orderId, method, UserId, ct)), () => LoadAsync(orderId, ct), ct);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) =>
        FormTargets.Allow(Response, providers.Value.FormTargets);

    /// <summary>Another organization's order is not found, never refused: its existence is not the user's to know.</summary>
    private async Task<bool> MineAsync(Guid orderId, CancellationToken ct) => await LoadMembershipAsync(ct) && await LoadAsync(orderId, ct);

    private async Task<bool> LoadAsync(Guid orderId, CancellationToken ct)
    {
        var id = Membership!.OrganizationId;
        Order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId && o.OrganizationId == id, ct);
        if (Order is null)
        {
            return false;
        }

        Paid = await db.Payments.AsNoTracking().Where(p => p.OrderId == orderId).OrderBy(p => p.RecordedUtc).ToListAsync(ct);
        Issued = (await db.Documents.AsNoTracking().Where(d => d.OrderId == orderId).OrderByDescending(d => d.Kind)
            .Select(d => new { d.Id, d.Kind, d.Number }).ToListAsync(ct)).Select(d => (d.Id, d.Kind, d.Number)).ToList();
        Balance = await balances.OfAsync(id, ct);
        Methods = checkouts.MethodsFor(Order.Currency);
        return true;
    }
}
