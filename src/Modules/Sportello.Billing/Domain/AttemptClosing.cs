using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Billing.Data;
using Sportello.Core.Events;

namespace Sportello.Billing.Domain;

/// <summary>
/// When an order stops waiting for money (paid another way, cancelled, expired), its other live attempts are closed:
/// the provider's page stops taking payments and the attempt fails, so the customer cannot pay twice by finishing a
/// checkout left open in another tab. One the provider cannot close any more (paid there meanwhile) is left to its
/// notification, which records the money as needing attention.
/// </summary>
internal sealed class AttemptClosing(BillingDbContext db, IEnumerable<ICheckoutGateway> gateways, Checkouts checkouts, ILogger<AttemptClosing> logger)
    : IDomainEventHandler<OrderPaid>, IDomainEventHandler<OrderCancelled>
{
    public Task HandleAsync(OrderPaid paid, EventContext context, CancellationToken ct) => CloseAsync(paid.OrderId, ct);

    public Task HandleAsync(OrderCancelled cancelled, EventContext context, CancellationToken ct) => CloseAsync(cancelled.OrderId, ct);

    private async Task CloseAsync(Guid orderId, CancellationToken ct)
    {
        var live = await db.Attempts.AsNoTracking()
            .Where(a => a.OrderId == orderId && (a.Status == AttemptStatus.Started || a.Status == AttemptStatus.Open)).ToListAsync(ct);
        foreach (var attempt in live)
        {
            try
            {
                // A provider that does not answer throws on: the outbox delivers the event again later.
                await gateways.Single(g => g.Provider == attempt.Provider).CloseAsync(attempt, ct);
            }
            catch (ProviderRefusedException refused)
            {
                logger.LogInformation("Attempt {Attempt} of order {Order} not closed at the provider: {Reason}", attempt.IdempotencyKey, attempt.OrderNumber, refused.Reason);
                continue;
            }

            await checkouts.ConfirmAsync(attempt, new CheckoutState.Failed("Chiuso: l'ordine non è più da pagare."), "closing", ct);
        }
    }
}
