using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Providers.PayPal;

/// <summary>
/// PayPal's REST API (Orders v2, OAuth2, webhook verification) on a typed HttpClient: the SDK is not served here, and
/// the calls are few. Errors come back as <see cref="ProviderUnavailableException"/> (worth retrying with the same
/// <c>PayPal-Request-Id</c>) or <see cref="ProviderRefusedException"/> (PayPal said no).
/// </summary>
public sealed class PayPalClient(HttpClient http, PayPalTokens tokens, ProviderKeys keys, IOptions<BillingProviderOptions> options)
{
    private Uri Base => options.Value.PayPalApiBase;

    /// <summary>Creates the order for an attempt; repeated with the same request id, PayPal answers with the same order.</summary>
    public Task<JsonObject> CreateOrderAsync(JsonObject order, string requestId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/v2/checkout/orders", () => JsonContent.Create(order), requestId, ct);

    public Task<JsonObject> GetOrderAsync(string orderId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}", null, null, ct);

    public Task<JsonObject> CaptureAsync(string orderId, string requestId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}/capture", () => JsonContent.Create(new JsonObject()), requestId, ct);

    /// <summary>
    /// Asks PayPal whether a delivery is genuine: its transmission headers and the event exactly as received (PayPal
    /// checks its signature against its own text, so the body is passed on raw, never parsed and written again).
    /// </summary>
    public async Task<bool> VerifyAsync(IReadOnlyDictionary<string, string?> headers, string webhookId, string rawEvent, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("auth_algo", headers.GetValueOrDefault("PAYPAL-AUTH-ALGO"));
            writer.WriteString("cert_url", headers.GetValueOrDefault("PAYPAL-CERT-URL"));
            writer.WriteString("transmission_id", headers.GetValueOrDefault("PAYPAL-TRANSMISSION-ID"));
            writer.WriteString("transmission_sig", headers.GetValueOrDefault("PAYPAL-TRANSMISSION-SIG"));
            writer.WriteString("transmission_time", headers.GetValueOrDefault("PAYPAL-TRANSMISSION-TIME"));
            writer.WriteString("webhook_id", webhookId);
            writer.WritePropertyName("webhook_event");
            writer.WriteRawValue(rawEvent);
            writer.WriteEndObject();
        }

        var bytes = buffer.ToArray();
        var answer = await SendAsync(HttpMethod.Post, "/v1/notifications/verify-webhook-signature",
            () => new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, null, ct);
        return (string?)answer["verification_status"] == "SUCCESS";
    }

    /// <summary>PayPal writes amounts as decimal strings with the currency's digits.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static decimal? ParseAmount(JsonNode? amount) =>
        decimal.TryParse((string?)amount?["value"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, Func<HttpContent>? body, string? requestId, CancellationToken ct)
    {
        var (clientId, secret) = (keys.PayPalClientId, keys.PayPalClientSecret);
        if (clientId is null || secret is null)
        {
            throw new ProviderRefusedException("PayPal non è configurato per questo negozio.");
        }

        try
        {
            using var response = await AuthorizedAsync(method, path, body, requestId, clientId, secret, ct);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                // A token revoked or issued for keys since changed: once more with a new one, then it is PayPal's (or the keys') fault.
                tokens.Forget(Base, clientId);
                using var again = await AuthorizedAsync(method, path, body, requestId, clientId, secret, ct);
                return await ReadAsync(again, ct);
            }

            return await ReadAsync(response, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException { CancellationToken.IsCancellationRequested: false }
                                      or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new ProviderUnavailableException("PayPal non risponde.", e);
        }
    }

    private async Task<HttpResponseMessage> AuthorizedAsync(HttpMethod method, string path, Func<HttpContent>? body, string? requestId, string clientId, string secret, CancellationToken ct)
    {
        // The token request is shared by parallel callers: none of them may cancel it for the others.
        var token = await tokens.GetAsync(Base, clientId, secret, () => TokenAsync(clientId, secret, CancellationToken.None)).WaitAsync(ct);
        using var request = new HttpRequestMessage(method, new Uri(Base, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (requestId is not null)
        {
            request.Headers.Add("PayPal-Request-Id", requestId);
            // The whole order back, not just its id, so a repeat tells as much as the first answer.
            request.Headers.Add("Prefer", "return=representation");
        }

        if (body is not null)
        {
            request.Content = body();
        }

        return await http.SendAsync(request, ct);
    }

    private async Task<PayPalToken> TokenAsync(string clientId, string secret, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Base, "/v1/oauth2/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request, ct);
        var answer = await ReadAsync(response, ct);
        return new PayPalToken((string?)answer["access_token"] ?? throw new ProviderUnavailableException("PayPal non ha dato un token."),
            TimeSpan.FromSeconds((int?)answer["expires_in"] ?? 0));
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonObject? json = null;
        try
        {
            json = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (response.IsSuccessStatusCode && json is not null)
        {
            return json;
        }

        var status = (int)response.StatusCode;
        // 409: the same request id is still being processed; 429 and 5xx: try again; 401/403 after a new token: the
        // keys, not the payment. Other 4xx: PayPal refused.
        if (status is 401 or 403 or 409 or 429 or >= 500 || json is null)
        {
            throw new ProviderUnavailableException($"PayPal ha risposto {status}.");
        }

        var issue = (string?)json["details"]?[0]?["issue"] ?? (string?)json["name"] ?? (string?)json["error"] ?? status.ToString(CultureInfo.InvariantCulture);
        throw new PayPalRefusedException(issue, (string?)json["message"] ?? (string?)json["error_description"] ?? issue);
    }
}

/// <summary>PayPal refused a call; <see cref="Issue"/> is its code (<c>ORDER_ALREADY_CAPTURED</c>, <c>INSTRUMENT_DECLINED</c>...).</summary>
public sealed class PayPalRefusedException(string issue, string message) : Exception(message)
{
    public string Issue { get; } = issue;
}
