using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Billing.Data;

namespace Sportello.Billing.Domain;

/// <summary>
/// Asks the providers about attempts still open after a while, for the notification that never came (a crash between
/// the provider's confirmation and our commit, a webhook misconfigured): what they confirm is applied through the
/// inbox under a reconciliation id, so it meets a late notification as a duplicate. An attempt that never reached a
/// provider and is older than the providers keep keys is closed: nobody was shown a page to pay on.
/// </summary>
public sealed class Reconciliation(BillingDbContext db, IEnumerable<ICheckoutGateway> gateways, Checkouts checkouts, TimeProvider clock, ILogger<Reconciliation> logger)
{
    private const string Source = "reconciliation";

    /// <summary>Notifications normally arrive within seconds; this leaves them time before asking.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    /// <summary>PayPal keeps a request id six hours, Stripe a key about a day: after that a repeated call would make a new object.</summary>
    public static readonly TimeSpan Unreached = TimeSpan.FromHours(6);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var asked = now - Grace;
        var live = await db.Attempts.AsNoTracking()
            .Where(a => (a.Status == AttemptStatus.Open || a.Status == AttemptStatus.Started) && a.UpdatedUtc < asked)
            .OrderBy(a => a.UpdatedUtc).Take(200).ToListAsync(ct);
        var changed = 0;
        foreach (var attempt in live)
        {
            if (attempt.ProviderReference is null)
            {
                if (attempt.StartedUtc < now - Unreached)
                {
                    changed += await checkouts.ConfirmAsync(attempt, new CheckoutState.Failed("Il gestore non ha mai ricevuto il pagamento."), Source, ct) ? 1 : 0;
                }

                continue;
            }

            CheckoutState state;
            try
            {
                state = await gateways.Single(g => g.Provider == attempt.Provider).CheckAsync(attempt, ct);
            }
            catch (Exception e) when (e is ProviderUnavailableException or ProviderRefusedException)
            {
                // Its turn goes to the back of the queue, so attempts a provider keeps refusing never hold up the rest.
                logger.LogWarning(e, "Reconciliation of {Attempt} for order {Order} postponed", attempt.IdempotencyKey, attempt.OrderNumber);
                await PostponeAsync(attempt.Id, e.Message, ct);
                continue;
            }

            try
            {
                changed += await checkouts.ConfirmAsync(attempt, state, Source, ct) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reconciliation of {Attempt} for order {Order} failed", attempt.IdempotencyKey, attempt.OrderNumber);
            }
        }

        return changed;
    }

    private Task PostponeAsync(Guid attemptId, string problem, CancellationToken ct) => ConflictRetry.RunAsync(db, async () =>
    {
        var tracked = await db.Attempts.FirstAsync(a => a.Id == attemptId, ct);
        tracked.Problem = problem.Length > 1000 ? problem[..1000] : problem;
        tracked.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        tracked.Version++;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    });
}
