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

    /// <summary>
    /// A public body's tender code (CIG, 10 characters) and project code (CUP, 15), for its e-invoice: set while the
    /// order waits for payment, since the invoice issued at payment carries them.
    /// </summary>
    public async Task SetProcurementAsync(Guid orderId, string? cig, string? cup, CancellationToken ct)
    {
        var (tender, project) = (Code(cig), Code(cup));
        var problems = new List<ValidationProblem>();
        if (tender is not null && (tender.Length != 10 || !tender.All(char.IsAsciiLetterOrDigit)))
        {
            problems.Add(new("cig", BillingText.Of("Il CIG ha 10 caratteri, lettere e cifre.", "The CIG has 10 characters, letters and digits.")));
        }

        if (project is not null && (project.Length != 15 || !project.All(char.IsAsciiLetterOrDigit)))
        {
            problems.Add(new("cup", BillingText.Of("Il CUP ha 15 caratteri, lettere e cifre.", "The CUP has 15 characters, letters and digits.")));
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var order = await db.Orders.SingleAsync(o => o.Id == orderId, ct);
        if (order.Status != OrderStatus.PendingPayment || !order.SplitPayment)
        {
            throw new SportelloValidationException("cig", BillingText.Of(
                "CIG e CUP si indicano per l'ordine di un ente pubblico finché attende il pagamento.",
                "CIG and CUP are given for a public body's order while it waits for payment."));
        }

        (order.Cig, order.Cup) = (tender, project);
        order.Version++;
        await db.SaveChangesAsync(ct);
    }

    private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

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
