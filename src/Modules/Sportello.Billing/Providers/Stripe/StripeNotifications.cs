using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;
using Stripe;
using Stripe.Checkout;

namespace Sportello.Billing.Providers.Stripe;

/// <summary>
/// Stripe's notifications for the tenant: the <c>Stripe-Signature</c> header checked (HMAC-SHA256 of the timestamp
/// and the body with the tenant's signing secret, within the tolerance), then the event applied through the inbox.
/// A payment is recognized by either of its events (<c>checkout.session.completed</c>, <c>payment_intent.succeeded</c>),
/// whichever comes first; the other finds it recorded.
/// </summary>
public sealed class StripeNotifications(
    ProviderKeys keys,
    IOptions<BillingProviderOptions> options,
    ProviderInbox inbox,
    Checkouts checkouts,
    SavedMethods saved,
    BillingDbContext db,
    TimeProvider clock,
    ILogger<StripeNotifications> logger)
{
    public async Task<NotificationResult> ReceiveAsync(string json, string? signature, CancellationToken ct)
    {
        if (keys.StripeWebhookSecret is not { } secret)
        {
            return NotificationResult.NotConfigured;
        }

        Event notification;
        try
        {
            notification = EventUtility.ConstructEvent(json, signature ?? string.Empty, secret,
                (long)options.Value.WebhookTolerance.TotalSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException refused)
        {
            logger.LogWarning("Stripe notification refused: {Reason}", refused.Message);
            return NotificationResult.BadSignature;
        }

        var outcome = await inbox.ReceiveAsync(PaymentProvider.Stripe, notification.Id, notification.Type, () => ApplyAsync(notification, ct), ct);
        if (outcome is null)
        {
            return NotificationResult.Duplicate;
        }

        // Only the payment intent names the method; it may come after the session's event has already paid the order.
        if (outcome is { Attempt: { Status: AttemptStatus.Succeeded } attempt } && SavedMethodOf(notification) is { } methodId)
        {
            await RememberAsync(attempt.OrganizationId, methodId, ct);
        }

        return NotificationResult.Applied;
    }

    private async Task<Checkouts.Outcome> ApplyAsync(Event notification, CancellationToken ct)
    {
        switch (notification.Data.Object)
        {
            case Session session when notification.Type is "checkout.session.completed" or "checkout.session.async_payment_succeeded":
                return await AttemptAsync(session.Metadata, ct) is not { } paid ? Unknown()
                    : session.PaymentStatus != "paid" ? new(EventOutcome.Ignored, "Pagamento in attesa di conferma.", paid)
                    : await checkouts.ApplyPaidAsync(paid, session.PaymentIntentId, session.AmountTotal ?? 0, session.Currency, ct);
            case Session session when notification.Type is "checkout.session.expired" or "checkout.session.async_payment_failed":
                return await AttemptAsync(session.Metadata, ct) is { } lapsed
                    ? checkouts.ApplyFailed(lapsed, notification.Type.EndsWith("expired", StringComparison.Ordinal) ? "Sessione di pagamento scaduta." : "Pagamento non riuscito.")
                    : Unknown();
            case PaymentIntent intent when notification.Type == "payment_intent.succeeded":
                return await AttemptAsync(intent.Metadata, ct) is { } succeeded
                    ? await checkouts.ApplyPaidAsync(succeeded, intent.Id, intent.AmountReceived, intent.Currency, ct)
                    : Unknown();
            case PaymentIntent intent when notification.Type == "payment_intent.payment_failed":
                // Checkout lets the customer try another card in the same session: the attempt stays open.
                var failed = await AttemptAsync(intent.Metadata, ct);
                if (failed is { IsLive: true })
                {
                    failed.Problem = intent.LastPaymentError?.Message ?? "Pagamento rifiutato.";
                    failed.Version++;
                }

                return failed is null ? Unknown() : new(EventOutcome.Ignored, failed.Problem, failed);
            default:
                return new(EventOutcome.Ignored, "Tipo di evento che Sportello non usa.");
        }
    }

    private static Checkouts.Outcome Unknown() => new(EventOutcome.Ignored, "Nessun tentativo di pagamento di questo negozio.");

    private async Task<PaymentAttempt?> AttemptAsync(IDictionary<string, string>? metadata, CancellationToken ct) =>
        metadata is not null && metadata.TryGetValue(StripeGateway.AttemptKey, out var value) && Guid.TryParse(value, out var id)
            ? await db.Attempts.FirstOrDefaultAsync(a => a.Id == id && a.Provider == PaymentProvider.Stripe, ct)
            : null;

    private static string? SavedMethodOf(Event notification) => notification.Data.Object switch
    {
        PaymentIntent intent => intent.PaymentMethodId,
        _ => null,
    };

    // A method Stripe cannot describe now is remembered at the next payment; the payment itself is already safe.
    private async Task RememberAsync(Guid organizationId, string methodId, CancellationToken ct)
    {
        try
        {
            await saved.RememberAsync(organizationId, PaymentProvider.Stripe, methodId, ct);
        }
        catch (Exception e) when (e is ProviderUnavailableException or ProviderRefusedException)
        {
            logger.LogWarning(e, "Saved method {Method} not described by Stripe", methodId);
        }
    }
}
