using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;

namespace Sportello.Billing.Domain;

/// <summary>
/// Applies a provider notification exactly once: the event's row and what it changed commit together, and a
/// delivery whose id is already there (a replay, a duplicate, a parallel twin that committed first) changes nothing.
/// </summary>
public sealed class ProviderInbox(BillingDbContext db, TimeProvider clock)
{
    /// <summary>Whether the event was received before: a replay needs no call to the provider.</summary>
    public Task<bool> SeenAsync(PaymentProvider provider, string eventId, CancellationToken ct) =>
        db.ProviderEvents.AnyAsync(e => e.Provider == provider && e.EventId == eventId, ct);

    /// <returns>The outcome, or null when the event had been received before.</returns>
    public Task<Checkouts.Outcome?> ReceiveAsync(PaymentProvider provider, string eventId, string type, Func<Task<Checkouts.Outcome>> apply, CancellationToken ct) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.ProviderEvents.AnyAsync(e => e.Provider == provider && e.EventId == eventId, ct))
            {
                return null;
            }

            var outcome = await apply();
            db.ProviderEvents.Add(new ProviderEvent
            {
                Provider = provider, EventId = eventId, Type = type, ReceivedUtc = clock.GetUtcNow().UtcDateTime, Outcome = outcome.Result,
                Detail = outcome.Detail is { Length: > 1000 } detail ? detail[..1000] : outcome.Detail,
                OrderId = outcome.Attempt?.OrderId, OrderNumber = outcome.Attempt?.OrderNumber,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Checkouts.Outcome?)outcome;
        });
}
