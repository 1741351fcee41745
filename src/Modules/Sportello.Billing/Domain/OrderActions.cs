using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Events;
using Sportello.Core.Lifecycles;
using Sportello.Core.Validation;

namespace Sportello.Billing.Domain;

/// <summary>
/// Moves an unpaid order by hand or by time: the customer or an operator cancels it, an operator holds it for review
/// and releases it, the expiry job expires it. Money already received stays on the order for the operator to refund.
/// </summary>
public sealed class OrderActions(BillingDbContext db, LifecycleTransitions transitions, TimeProvider clock)
{
    public Task CancelAsync(Guid orderId, string? reason, CancellationToken ct) =>
        MoveAsync(orderId, OrderTrigger.Cancel, reason, ct);

    public Task HoldAsync(Guid orderId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            throw new SportelloValidationException("reason", BillingText.Of(
                "Scrivi perché l'ordine va verificato (il cliente lo legge), al massimo 1000 caratteri.",
                "Write why the order needs review (the customer reads it), at most 1000 characters."));
        }

        return MoveAsync(orderId, OrderTrigger.Hold, reason, ct);
    }

    public Task ReleaseAsync(Guid orderId, CancellationToken ct) => MoveAsync(orderId, OrderTrigger.Release, null, ct);

    public Task ExpireAsync(Guid orderId, CancellationToken ct) => MoveAsync(orderId, OrderTrigger.Expire, null, ct);

    /// <summary>Expires the pending orders past their due date; returns how many.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.PendingPayment && o.DueUtc <= now)
            .OrderBy(o => o.DueUtc).Select(o => o.Id).Take(500).ToListAsync(ct);
        var expired = 0;
        foreach (var id in due)
        {
            try
            {
                await ExpireAsync(id, ct);
                expired++;
            }
            catch (LifecycleRefusedException)
            {
                // Paid or cancelled in the meantime.
            }
        }

        return expired;
    }

    private Task MoveAsync(Guid orderId, OrderTrigger trigger, string? reason, CancellationToken ct) => ConflictRetry.RunAsync(db, async () =>
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new KeyNotFoundException();
        transitions.Apply(db, OrderLifecycle.Instance, order.Status, s => order.Status = s, trigger, OrderAudit.Of(order, BillingAuditActions.Order), reason?.Trim());
        order.Reason = trigger == OrderTrigger.Release ? null : reason?.Trim();
        order.Version++;
        if (trigger is OrderTrigger.Cancel or OrderTrigger.Expire)
        {
            db.Raise(new OrderCancelled(order.Id, order.Number, order.OrganizationId, reason?.Trim()));
        }

        await db.SaveChangesAsync(ct);
        return true;
    });
}
