using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sportello.Testing;

/// <summary>
/// A loopback PayPal: OAuth2 client credentials (Basic auth, a token with its lifetime), Orders v2 JSON (create, get,
/// capture, each repeated with the same <c>PayPal-Request-Id</c> answered with the first response), an approval page,
/// webhook verification (<c>verify-webhook-signature</c> answers SUCCESS only for a transmission this fake signed,
/// of exactly that event, for this webhook id), and events handed to <see cref="Deliver"/> with PayPal's headers.
/// </summary>
public sealed class FakePayPal : IAsyncDisposable
{
    public const string ClientId = "sportello-fake-client";
    public const string ClientSecret = "sportello-fake-secret";
    public const string WebhookId = "WH-FAKE-0001";

    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _orders = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _replies = new();
    private readonly ConcurrentQueue<(string Path, string? RequestId)> _calls = new();
    private readonly ConcurrentDictionary<string, int> _captures = new();
    private readonly object _gate = new();
    private int _failures;
    private int _sequence;
    private int _tokens;

    private FakePayPal(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Where events go: the test posts them, body and headers, to the tenant's webhook endpoint.</summary>
    public Func<string, IReadOnlyDictionary<string, string>, Task<HttpResponseMessage>>? Deliver { get; set; }

    public IReadOnlyList<(string Path, string? RequestId)> Calls => [.. _calls];

    /// <summary>How many access tokens were issued.</summary>
    public int Tokens => _tokens;

    /// <summary>How many times money was taken for <paramref name="orderId"/>.</summary>
    public int CapturesOf(string orderId) => _captures.GetValueOrDefault(orderId);

    public IReadOnlyList<JsonObject> Orders => [.. _orders.Values.OrderBy(o => (int)o["fake_sequence"]!).Select(o => (JsonObject)o.DeepClone())];

    public void FailNext(int calls) => Interlocked.Exchange(ref _failures, calls);

    public static async Task<FakePayPal> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var paypal = new FakePayPal(app);
        app.MapPost("/v1/oauth2/token", (HttpContext c) => paypal.Token(c));
        app.MapPost("/v2/checkout/orders", (HttpContext c, CancellationToken _) => paypal.ApiAsync(c, body => paypal.Create(body!)));
        app.MapGet("/v2/checkout/orders/{id}", (HttpContext c, string id) => paypal.ApiAsync(c, _ => paypal.Find(id)));
        app.MapPost("/v2/checkout/orders/{id}/capture", (HttpContext c, string id) => paypal.ApiAsync(c, _ => paypal.Capture(id)));
        app.MapPost("/v1/notifications/verify-webhook-signature", (HttpContext c, CancellationToken _) => paypal.ApiAsync(c, body => paypal.Verify(body!)));
        app.MapGet("/checkoutnow", (string token) => paypal.ApprovalPage(token));
        app.MapPost("/checkoutnow", (HttpContext c) =>
        {
            var token = c.Request.Form["token"].ToString();
            return Results.Redirect(paypal.Approve(token));
        });
        // Browsers ask every site for an icon; a 404 would be a console error in the journeys.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        await app.StartAsync();
        paypal.Address = new Uri(app.Urls.First());
        return paypal;
    }

    /// <summary>The settings that point the platform at this fake, with its credentials for <paramref name="tenant"/>.</summary>
    public IDictionary<string, string?> Settings(string tenant) => new Dictionary<string, string?>
    {
        ["Billing:Providers:PayPalApiBase"] = Address.ToString(),
        [$"Billing:Providers:Tenants:{tenant}:PayPalClientId"] = ClientId,
        [$"Billing:Providers:Tenants:{tenant}:PayPalClientSecret"] = ClientSecret,
        [$"Billing:Providers:Tenants:{tenant}:PayPalWebhookId"] = WebhookId,
        ["Billing:Providers:CallTimeout"] = "00:00:02",
    };

    /// <summary>The buyer approves the order on PayPal; returns the return URL PayPal sends them to, with <c>token</c> and <c>PayerID</c>.</summary>
    public string Approve(string orderId)
    {
        lock (_gate)
        {
            var order = _orders[orderId];
            if ((string?)order["status"] is "CREATED" or "PAYER_ACTION_REQUIRED")
            {
                order["status"] = "APPROVED";
                order["payer"] = new JsonObject { ["payer_id"] = "FAKEPAYER01", ["email_address"] = "buyer@example.com" };
            }

            return (string)order["fake_return_url"]! + $"?token={orderId}&PayerID=FAKEPAYER01";
        }
    }

    /// <summary>A signed event about an order (<c>CHECKOUT.ORDER.APPROVED</c>) or its capture (<c>PAYMENT.CAPTURE.*</c>).</summary>
    public (string Json, Dictionary<string, string> Headers) Event(string type, string orderId, string? id = null, string webhookId = WebhookId)
    {
        var order = _orders[orderId];
        var resource = type.StartsWith("PAYMENT.CAPTURE", StringComparison.Ordinal)
            ? (JsonObject)order["purchase_units"]![0]!["payments"]!["captures"]![0]!.DeepClone()
            : Public(order);
        var body = new JsonObject
        {
            ["id"] = id ?? "WH-" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant(),
            ["event_version"] = "1.0",
            ["create_time"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["resource_type"] = type.StartsWith("PAYMENT.CAPTURE", StringComparison.Ordinal) ? "capture" : "checkout-order",
            ["event_type"] = type,
            ["summary"] = type,
            ["resource"] = resource,
        };
        var json = body.ToJsonString();
        var transmission = Guid.NewGuid().ToString();
        var time = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
        return (json, new Dictionary<string, string>
        {
            ["PAYPAL-AUTH-ALGO"] = "SHA256withRSA",
            ["PAYPAL-CERT-URL"] = new Uri(Address, "/v1/notifications/certs/CERT-fake").ToString(),
            ["PAYPAL-TRANSMISSION-ID"] = transmission,
            ["PAYPAL-TRANSMISSION-SIG"] = Sign(transmission, time, webhookId, json),
            ["PAYPAL-TRANSMISSION-TIME"] = time,
        });
    }

    /// <summary>Sends a new signed event to <see cref="Deliver"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(string type, string orderId)
    {
        var (json, headers) = Event(type, orderId);
        return Deliver!(json, headers);
    }

    // Stands for PayPal's RSA signature over transmission id, time, webhook id and the body's CRC32.
    private static string Sign(string transmission, string time, string webhookId, string json) =>
        Convert.ToBase64String(HMACSHA256.HashData(SigningKey, Encoding.UTF8.GetBytes($"{transmission}|{time}|{webhookId}|{json}")));

    private IResult Token(HttpContext context)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (context.Request.Headers.Authorization.ToString() != expected || context.Request.Form["grant_type"] != "client_credentials")
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Client Authentication failed" }, statusCode: 401);
        }

        var n = Interlocked.Increment(ref _tokens);
        return Results.Json(new JsonObject
        {
            ["scope"] = "https://uri.paypal.com/services/payments/payment",
            ["access_token"] = $"A21AA-fake-{n}",
            ["token_type"] = "Bearer",
            ["app_id"] = "APP-FAKE",
            ["expires_in"] = 32400,
            ["nonce"] = Guid.NewGuid().ToString("N"),
        });
    }

    private async Task<IResult> ApiAsync(HttpContext context, Func<JsonObject?, (int Status, JsonObject Body)> handle)
    {
        var requestId = context.Request.Headers["PayPal-Request-Id"].FirstOrDefault();
        _calls.Enqueue((context.Request.Path, requestId));
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer A21AA-fake-", StringComparison.Ordinal))
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_token", ["error_description"] = "Token signature verification failed" }, statusCode: 401);
        }

        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            return Results.Json(Issue("INTERNAL_SERVER_ERROR", "INTERNAL_SERVICE_ERROR", "An internal service error occurred."), statusCode: 500);
        }

        var body = HttpMethods.IsPost(context.Request.Method) ? JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject : null;
        (int Status, string Body) reply;
        lock (_gate)
        {
            var key = requestId is null ? null : context.Request.Path + "|" + requestId;
            if (key is null || !_replies.TryGetValue(key, out reply))
            {
                var (status, answer) = handle(body);
                reply = (status, answer.ToJsonString());
                if (key is not null && status < 500)
                {
                    _replies[key] = reply;
                }
            }
        }

        return Results.Text(reply.Body, "application/json", Encoding.UTF8, reply.Status);
    }

    private (int, JsonObject) Create(JsonObject body)
    {
        var id = $"FAKE{Interlocked.Increment(ref _sequence):D6}ORDER";
        var context = body["payment_source"]?["paypal"]?["experience_context"];
        var order = new JsonObject
        {
            ["id"] = id,
            ["intent"] = (string?)body["intent"],
            ["status"] = "PAYER_ACTION_REQUIRED",
            ["purchase_units"] = body["purchase_units"]!.DeepClone(),
            ["create_time"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["links"] = new JsonArray(
                new JsonObject { ["href"] = new Uri(Address, $"/v2/checkout/orders/{id}").ToString(), ["rel"] = "self", ["method"] = "GET" },
                new JsonObject { ["href"] = new Uri(Address, $"/checkoutnow?token={id}").ToString(), ["rel"] = "payer-action", ["method"] = "GET" }),
            ["fake_return_url"] = (string?)context?["return_url"],
            ["fake_cancel_url"] = (string?)context?["cancel_url"],
            ["fake_sequence"] = _sequence,
        };
        _orders[id] = order;
        return (200, Public(order));
    }

    private (int, JsonObject) Find(string id) =>
        _orders.TryGetValue(id, out var order) ? (200, Public(order)) : (404, Issue("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist."));

    private (int, JsonObject) Capture(string id)
    {
        if (!_orders.TryGetValue(id, out var order))
        {
            return (404, Issue("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist."));
        }

        switch ((string?)order["status"])
        {
            case "COMPLETED":
                return (422, Issue("UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured."));
            case not "APPROVED":
                return (422, Issue("UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment."));
        }

        var unit = (JsonObject)order["purchase_units"]![0]!;
        unit["payments"] = new JsonObject
        {
            ["captures"] = new JsonArray(new JsonObject
            {
                ["id"] = $"CAP{Interlocked.Increment(ref _sequence):D6}FAKE",
                ["status"] = "COMPLETED",
                ["amount"] = unit["amount"]!.DeepClone(),
                ["final_capture"] = true,
                ["custom_id"] = (string?)unit["custom_id"],
                ["invoice_id"] = (string?)unit["invoice_id"],
                ["supplementary_data"] = new JsonObject { ["related_ids"] = new JsonObject { ["order_id"] = id } },
            }),
        };
        order["status"] = "COMPLETED";
        _captures.AddOrUpdate(id, 1, (_, n) => n + 1);
        return (201, Public(order));
    }

    private (int, JsonObject) Verify(JsonObject body)
    {
        var expected = Sign((string?)body["transmission_id"] ?? "", (string?)body["transmission_time"] ?? "", (string?)body["webhook_id"] ?? "",
            body["webhook_event"]?.ToJsonString() ?? "");
        var genuine = (string?)body["transmission_sig"] == expected && (string?)body["webhook_id"] == WebhookId && (string?)body["auth_algo"] == "SHA256withRSA";
        return (200, new JsonObject { ["verification_status"] = genuine ? "SUCCESS" : "FAILURE" });
    }

    private IResult ApprovalPage(string token)
    {
        if (!_orders.TryGetValue(token, out var order))
        {
            return Results.NotFound();
        }

        var amount = order["purchase_units"]![0]!["amount"]!;
        var html = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake PayPal</title></head>
            <body><main><h1>Fake PayPal</h1><p data-amount>{(string?)amount["value"]} {(string?)amount["currency_code"]}</p>
            <form method="post" action="/checkoutnow"><input type="hidden" name="token" value="{WebUtility.HtmlEncode(token)}"><button type="submit">Approve</button></form></main></body></html>
            """;
        return Results.Content(html, "text/html");
    }

    // The fake's own bookkeeping stays out of what PayPal would answer.
    private static JsonObject Public(JsonObject stored)
    {
        var copy = (JsonObject)stored.DeepClone();
        foreach (var key in copy.Select(p => p.Key).Where(k => k.StartsWith("fake_", StringComparison.Ordinal)).ToList())
        {
            copy.Remove(key);
        }

        return copy;
    }

    private static JsonObject Issue(string name, string issue, string message) => new()
    {
        ["name"] = name,
        ["message"] = message,
        ["debug_id"] = Guid.NewGuid().ToString("N")[..13],
        ["details"] = new JsonArray(new JsonObject { ["issue"] = issue, ["description"] = message }),
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
