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
        SendAsync(HttpMethod.Post, "/v2/checkout/orders", order, requestId, ct);

    public Task<JsonObject> GetOrderAsync(string orderId, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, $"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}", null, null, ct);

    public Task<JsonObject> CaptureAsync(string orderId, string requestId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}/capture", new JsonObject(), requestId, ct);

    /// <summary>Asks PayPal whether a delivery is genuine: its transmission headers and the event, as received.</summary>
    public async Task<bool> VerifyAsync(IReadOnlyDictionary<string, string?> headers, string webhookId, JsonNode body, CancellationToken ct)
    {
        var check = new JsonObject
        {
            ["auth_algo"] = headers.GetValueOrDefault("PAYPAL-AUTH-ALGO"),
            ["cert_url"] = headers.GetValueOrDefault("PAYPAL-CERT-URL"),
            ["transmission_id"] = headers.GetValueOrDefault("PAYPAL-TRANSMISSION-ID"),
            ["transmission_sig"] = headers.GetValueOrDefault("PAYPAL-TRANSMISSION-SIG"),
            ["transmission_time"] = headers.GetValueOrDefault("PAYPAL-TRANSMISSION-TIME"),
            ["webhook_id"] = webhookId,
            ["webhook_event"] = body.DeepClone(),
        };
        var answer = await SendAsync(HttpMethod.Post, "/v1/notifications/verify-webhook-signature", check, null, ct);
        return (string?)answer["verification_status"] == "SUCCESS";
    }

    /// <summary>PayPal writes amounts as decimal strings with the currency's digits.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static decimal? ParseAmount(JsonNode? amount) =>
        decimal.TryParse((string?)amount?["value"], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, string? requestId, CancellationToken ct)
    {
        var (clientId, secret) = (keys.PayPalClientId, keys.PayPalClientSecret);
        if (clientId is null || secret is null)
        {
            throw new ProviderRefusedException("PayPal non è configurato per questo negozio.");
        }

        try
        {
            var token = await tokens.GetAsync(Base, clientId, secret, () => TokenAsync(clientId, secret, ct));
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
                request.Content = JsonContent.Create(body);
            }

            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Forget(Base, clientId);
            }

            return await ReadAsync(response, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException { CancellationToken.IsCancellationRequested: false }
                                      or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new ProviderUnavailableException("PayPal non risponde.", e);
        }
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
        // 409: the same request id is still being processed; 429 and 5xx: try again. Other 4xx: PayPal refused.
        if (status is 409 or 429 or >= 500 || json is null)
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
