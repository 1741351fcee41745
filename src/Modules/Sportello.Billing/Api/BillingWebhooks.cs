using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sportello.Billing.Providers;
using Sportello.Billing.Providers.PayPal;
using Sportello.Billing.Providers.Stripe;

namespace Sportello.Billing.Api;

/// <summary>
/// /api/billing/webhooks/{provider}, under the tenant's address: anonymous (the provider signs instead), outside the
/// anonymous-form rate limit (a provider delivers in bursts), and answering 400 to a delivery that fails verification
/// so the provider's dashboard shows it, 200 to one already received so the provider stops resending it.
/// </summary>
public static class BillingWebhooks
{
    /// <summary>Providers' events are a few kilobytes; anything much larger is not theirs.</summary>
    private const int MaxBody = 512 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var hooks = endpoints.MapGroup("/api/billing/webhooks").AllowAnonymous().DisableRateLimiting().DisableAntiforgery();
        hooks.MapPost("/stripe", async Task<Results<Ok, BadRequest<string>, NotFound>> (HttpRequest request, StripeNotifications notifications, CancellationToken ct) =>
        {
            if (await BodyAsync(request, ct) is not { } json)
            {
                return TypedResults.BadRequest("Corpo della notifica assente o troppo grande.");
            }

            return await notifications.ReceiveAsync(json, request.Headers["Stripe-Signature"], ct) switch
            {
                NotificationResult.NotConfigured => TypedResults.NotFound(),
                NotificationResult.BadSignature => TypedResults.BadRequest("Firma Stripe-Signature non valida o scaduta."),
                _ => TypedResults.Ok(),
            };
        });
        hooks.MapPost("/paypal", async Task<Results<Ok, BadRequest<string>, NotFound, StatusCodeHttpResult>> (HttpRequest request, PayPalNotifications notifications, CancellationToken ct) =>
        {
            if (await BodyAsync(request, ct) is not { } json)
            {
                return TypedResults.BadRequest("Corpo della notifica assente o troppo grande.");
            }

            var headers = PayPalNotifications.TransmissionHeaders.ToDictionary(h => h, h => (string?)request.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
            return await notifications.ReceiveAsync(json, headers, ct) switch
            {
                NotificationResult.NotConfigured => TypedResults.NotFound(),
                NotificationResult.BadSignature => TypedResults.BadRequest("Notifica che PayPal non ha verificato."),
                NotificationResult.Unavailable => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
                _ => TypedResults.Ok(),
            };
        });
    }

    internal static async Task<string?> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBody)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var buffer = new char[8 * 1024];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxBody)
            {
                return null;
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
