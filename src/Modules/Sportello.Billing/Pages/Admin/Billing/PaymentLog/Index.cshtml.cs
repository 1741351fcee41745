using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Security;

namespace Sportello.Billing.Pages.Admin.Billing.PaymentLog;

/// <summary>
/// Money in: the payments recorded, newest first, and what the providers notified with its outcome; notifications
/// that need attention (money for an order that could no longer take it) come first, for an operator to refund.
/// Bank transfers are registered from the order's page.
/// </summary>
[RequirePermission(BillingPermissions.View)]
public sealed class IndexModel(BillingDbContext db) : PageModel
{
    public const int Shown = 100;

    public sealed record PaymentRow(Guid OrderId, string OrderNumber, string Organization, PaymentMethod Method, decimal Amount, string Currency, DateOnly ReceivedOn, string? Reference);

    [BindProperty(SupportsGet = true)] public PaymentMethod? Method { get; set; }
    [BindProperty(SupportsGet = true)] public EventOutcome? Outcome { get; set; }

    public IReadOnlyList<PaymentRow> Payments { get; private set; } = [];
    public IReadOnlyList<ProviderEvent> Events { get; private set; } = [];
    public int NeedingAttention { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var payments = db.Payments.AsNoTracking();
        if (Method is { } method)
        {
            payments = payments.Where(p => p.Method == method);
        }

        Payments = await (from p in payments
                          join o in db.Orders.AsNoTracking() on p.OrderId equals o.Id
                          orderby p.RecordedUtc descending
                          select new PaymentRow(o.Id, o.Number, o.OrganizationName, p.Method, p.Amount, p.Currency, p.ReceivedOn, p.Reference))
            .Take(Shown).ToListAsync(ct);
        var events = db.ProviderEvents.AsNoTracking();
        if (Outcome is { } outcome)
        {
            events = events.Where(e => e.Outcome == outcome);
        }

        Events = await events.OrderByDescending(e => e.Outcome == EventOutcome.NeedsAttention).ThenByDescending(e => e.ReceivedUtc).Take(Shown).ToListAsync(ct);
        NeedingAttention = await db.ProviderEvents.CountAsync(e => e.Outcome == EventOutcome.NeedsAttention, ct);
    }
}
