using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    IOptions<BillingProviderOptions> options,
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
        catch (Exception e) when (e is ProviderUnavailableException or ProviderRefusedException or PayPalRefusedException)
        {
            // Verified, but what it calls for (the capture) did not get through: PayPal delivers it again, and the
            // reconciliation asks PayPal in any case.
            logger.LogWarning(e, "PayPal notification postponed");
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
        string? eventId, type;
        try
        {
            body = JsonNode.Parse(json) as JsonObject;
            (eventId, type) = (Text(body?["id"]), Text(body?["event_type"]));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            (body, eventId, type) = (null, null, null);
        }

        // What is plainly not PayPal's never costs a call to PayPal.
        if (body is null || eventId is null || type is null
            || TransmissionHeaders.Any(h => string.IsNullOrEmpty(headers.GetValueOrDefault(h))) || !IsPayPalsCertificate(headers.GetValueOrDefault("PAYPAL-CERT-URL")))
        {
            return NotificationResult.BadSignature;
        }

        bool verified;
        try
        {
            verified = await client.VerifyAsync(headers, webhookId, json, ct);
        }
        catch (PayPalRefusedException refused)
        {
            logger.LogWarning("PayPal notification {Event} refused: the verification call answered {Issue}", eventId, refused.Issue);
            return NotificationResult.BadSignature;
        }

        if (!verified)
        {
            logger.LogWarning("PayPal notification {Event} refused: PayPal did not verify its signature", eventId);
            return NotificationResult.BadSignature;
        }

        if (await inbox.SeenAsync(PaymentProvider.PayPal, eventId, ct))
        {
            return NotificationResult.Duplicate;
        }

        var resource = body["resource"] as JsonObject ?? new JsonObject();
        var attempt = await AttemptAsync(type == "CHECKOUT.ORDER.APPROVED" ? Text((resource["purchase_units"] as JsonArray)?.FirstOrDefault()?["custom_id"]) : Text(resource["custom_id"]), ct);
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

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>PayPal signs with certificates it serves itself; the API base counts too, for a sandbox or a test double.</summary>
    private bool IsPayPalsCertificate(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var certificate)
        && certificate.AbsolutePath.StartsWith("/v1/notifications/certs/", StringComparison.Ordinal)
        && (certificate.Scheme == Uri.UriSchemeHttps && PayPalHosts.Contains(certificate.Host)
            || (certificate.Scheme, certificate.Authority) == (options.Value.PayPalApiBase.Scheme, options.Value.PayPalApiBase.Authority));

    private static readonly HashSet<string> PayPalHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "api.paypal.com", "api-m.paypal.com", "api.sandbox.paypal.com", "api-m.sandbox.paypal.com",
    };

    private async Task<PaymentAttempt?> AttemptAsync(string? customId, CancellationToken ct) =>
        Guid.TryParse(customId, out var id)
            ? await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Provider == PaymentProvider.PayPal, ct)
            : null;
}
