using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Providers.PayPal;

/// <summary>
/// PayPal's notifications for the tenant, each verified by asking PayPal (<c>verify-webhook-signature</c> with the
/// tenant's webhook id and the transmission headers) and applied once through the inbox. An approved order is captured
/// here if the customer never came back; a completed capture pays the order unless the return or the reconciliation
/// already did (payments are unique by reference).
/// </summary>
public sealed class PayPalNotifications(
    ProviderKeys keys,
    PayPalClient client,
    PayPalGateway gateway,
    ProviderInbox inbox,
    Checkouts checkouts,
    BillingDbContext db,
    ILogger<PayPalNotifications> logger)
{
    public static readonly string[] TransmissionHeaders =
        ["PAYPAL-AUTH-ALGO", "PAYPAL-CERT-URL", "PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-SIG", "PAYPAL-TRANSMISSION-TIME"];

    public async Task<NotificationResult> ReceiveAsync(string json, IReadOnlyDictionary<string, string?> headers, CancellationToken ct)
    {
        try
        {
            return await ApplyAsync(json, headers, ct);
        }
        catch (ProviderUnavailableException unavailable)
        {
            logger.LogWarning(unavailable, "PayPal notification postponed: PayPal did not answer");
            return NotificationResult.Unavailable;
        }
    }

    private async Task<NotificationResult> ApplyAsync(string json, IReadOnlyDictionary<string, string?> headers, CancellationToken ct)
    {
        if (!keys.PayPalReady || keys.PayPalWebhookId is not { } webhookId)
        {
            return NotificationResult.NotConfigured;
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || (string?)body["id"] is not { } eventId || (string?)body["event_type"] is not { } type
            || TransmissionHeaders.Any(h => string.IsNullOrEmpty(headers.GetValueOrDefault(h))))
        {
            return NotificationResult.BadSignature;
        }

        if (!await client.VerifyAsync(headers, webhookId, body, ct))
        {
            logger.LogWarning("PayPal notification {Event} refused: PayPal did not verify its signature", eventId);
            return NotificationResult.BadSignature;
        }

        if (await inbox.SeenAsync(PaymentProvider.PayPal, eventId, ct))
        {
            return NotificationResult.Duplicate;
        }

        var resource = body["resource"] as JsonObject ?? new JsonObject();
        var attempt = await AttemptAsync(type == "CHECKOUT.ORDER.APPROVED" ? (string?)resource["purchase_units"]?[0]?["custom_id"] : (string?)resource["custom_id"], ct);
        // Capturing calls PayPal, so it happens before the inbox's transaction, not inside it.
        var state = (type, attempt) switch
        {
            (_, null) => null,
            ("CHECKOUT.ORDER.APPROVED", { IsLive: true }) => await gateway.CaptureAsync(attempt, ct),
            ("PAYMENT.CAPTURE.COMPLETED", _) => PayPalGateway.StateOf(resource),
            ("PAYMENT.CAPTURE.DENIED" or "PAYMENT.CAPTURE.DECLINED", _) => new CheckoutState.Failed("PayPal ha rifiutato il pagamento."),
            _ => (CheckoutState?)null,
        };
        var outcome = await inbox.ReceiveAsync(PaymentProvider.PayPal, eventId, type, async () =>
            attempt is null ? new(EventOutcome.Ignored, "Nessun tentativo di pagamento di questo negozio.")
            : state is null ? new(EventOutcome.Ignored, "Tipo di evento che Sportello non usa.", attempt)
            : await checkouts.ApplyAsync(await db.Attempts.FirstAsync(a => a.Id == attempt.Id, ct), state, ct), ct);
        return outcome is null ? NotificationResult.Duplicate : NotificationResult.Applied;
    }

    private async Task<PaymentAttempt?> AttemptAsync(string? customId, CancellationToken ct) =>
        Guid.TryParse(customId, out var id)
            ? await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Provider == PaymentProvider.PayPal, ct)
            : null;
}
