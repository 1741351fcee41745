using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sportello.Testing;

/// <summary>
/// A loopback Stripe: the REST endpoints Sportello calls (form-encoded requests, JSON answers, Bearer secret key,
/// <c>Idempotency-Key</c> answered with the first response as Stripe does), a hosted checkout page with a "Pay"
/// button, and webhooks signed with Stripe's scheme (<c>Stripe-Signature: t=…,v1=HMAC-SHA256</c>) handed to
/// <see cref="Deliver"/>. <see cref="FailNext"/> makes calls answer 500 the way an outage does.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_sportello_fake";
    public const string WebhookSecret = "whsec_sportello_fake_secret";
    public const string ApiVersion = "2025-11-17.clover";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _replies = new();
    private readonly ConcurrentDictionary<string, JsonObject> _sessions = new();
    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();
    private readonly ConcurrentDictionary<string, JsonObject> _methods = new();
    private readonly ConcurrentQueue<(string Path, string? Key)> _calls = new();
    private readonly object _gate = new();
    private int _failures;
    private int _sequence;

    private FakeStripe(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Where signed events go: the test posts them to the tenant's webhook endpoint.</summary>
    public Func<string, string, Task>? Deliver { get; set; }

    /// <summary>The clock events are signed with: the platform's, so they fall within its tolerance.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every API call received: its path and idempotency key.</summary>
    public IReadOnlyList<(string Path, string? Key)> Calls => [.. _calls];

    /// <summary>The checkout sessions created, newest last.</summary>
    public IReadOnlyList<JsonObject> Sessions => [.. _sessions.Values.OrderBy(s => (int)s["fake_sequence"]!)];

    public int Charges => _intents.Values.Count(i => (string?)i["status"] == "succeeded");

    public void FailNext(int calls) => Interlocked.Exchange(ref _failures, calls);

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stripe = new FakeStripe(app);
        app.MapPost("/v1/customers", (HttpContext c, CancellationToken _) => stripe.ApiAsync(c, form => stripe.Customer(form)));
        app.MapPost("/v1/checkout/sessions", (HttpContext c, CancellationToken _) => stripe.ApiAsync(c, form => stripe.CreateSession(form)));
        app.MapGet("/v1/checkout/sessions/{id}", (HttpContext c, string id) => stripe.ApiAsync(c, _ => stripe.Find(stripe._sessions, id)));
        app.MapPost("/v1/checkout/sessions/{id}/expire", (HttpContext c, string id) => stripe.ApiAsync(c, _ => stripe.Expire(id)));
        app.MapGet("/v1/payment_methods/{id}", (HttpContext c, string id) => stripe.ApiAsync(c, _ => stripe.Find(stripe._methods, id)));
        app.MapPost("/v1/payment_methods/{id}/detach", (HttpContext c, string id) => stripe.ApiAsync(c, _ => stripe.Detach(id)));
        app.MapGet("/pay/{id}", (string id) => stripe.CheckoutPage(id));
        app.MapPost("/pay/{id}", async (string id) =>
        {
            var session = await stripe.PayAsync(id);
            return Results.Redirect((string)session["success_url"]!);
        });
        // Browsers ask every site for an icon; a 404 would be a console error in the journeys.
        app.MapGet("/favicon.ico", () => Results.NoContent());
        await app.StartAsync();
        stripe.Address = new Uri(app.Urls.First());
        return stripe;
    }

    /// <summary>The settings that point the platform at this fake, with its keys for <paramref name="tenant"/>.</summary>
    public IDictionary<string, string?> Settings(string tenant) => new Dictionary<string, string?>
    {
        ["Billing:Providers:StripeApiBase"] = Address.ToString(),
        [$"Billing:Providers:Tenants:{tenant}:StripeSecretKey"] = SecretKey,
        [$"Billing:Providers:Tenants:{tenant}:StripeWebhookSecret"] = WebhookSecret,
        ["Billing:Providers:CallTimeout"] = "00:00:02",
    };

    /// <summary>
    /// The customer pays the session: a payment intent succeeds, the card is saved to the customer, and the two
    /// events Stripe sends are delivered, <c>payment_intent.succeeded</c> first (Stripe does not promise an order).
    /// </summary>
    /// <param name="sessionFirst">Sends <c>checkout.session.completed</c> first instead.</param>
    public async Task<JsonObject> PayAsync(string sessionId, bool sessionFirst = false)
    {
        JsonObject session, intent;
        lock (_gate)
        {
            session = _sessions[sessionId];
            if ((string?)session["payment_status"] != "paid")
            {
                var method = New("pm", new JsonObject
                {
                    ["object"] = "payment_method",
                    ["type"] = (string?)session["allowed_payment_method_types"]![0] ?? "card",
                    ["customer"] = (string?)session["customer"],
                    ["card"] = new JsonObject { ["brand"] = "visa", ["last4"] = "4242", ["exp_month"] = 12, ["exp_year"] = 2030 },
                });
                _methods[(string)method["id"]!] = method;
                intent = New("pi", new JsonObject
                {
                    ["object"] = "payment_intent",
                    ["amount"] = (long)session["amount_total"]!,
                    ["amount_received"] = (long)session["amount_total"]!,
                    ["currency"] = (string?)session["currency"],
                    ["customer"] = (string?)session["customer"],
                    ["metadata"] = session["payment_intent_metadata"]!.DeepClone(),
                    ["payment_method"] = (string)method["id"]!,
                    ["setup_future_usage"] = "off_session",
                    ["status"] = "succeeded",
                });
                _intents[(string)intent["id"]!] = intent;
                session["payment_intent"] = (string)intent["id"]!;
                session["payment_status"] = "paid";
                session["status"] = "complete";
            }

            intent = _intents[(string)session["payment_intent"]!];
        }

        if (sessionFirst)
        {
            await SendAsync("checkout.session.completed", Public(session));
        }

        await SendAsync("payment_intent.succeeded", intent);
        if (!sessionFirst)
        {
            await SendAsync("checkout.session.completed", Public(session));
        }
        return session;
    }

    /// <summary>A signed event as Stripe would send it, for tests that deliver (or replay) it themselves.</summary>
    public (string Json, string Signature) Event(string type, JsonObject data, string? id = null, DateTimeOffset? signedAt = null, string? secret = null)
    {
        var json = new JsonObject
        {
            ["id"] = id ?? "evt_" + Guid.NewGuid().ToString("N")[..24],
            ["object"] = "event",
            ["api_version"] = ApiVersion,
            ["created"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = data.DeepClone() },
        }.ToJsonString();
        return (json, Sign(json, signedAt ?? Clock.GetUtcNow(), secret ?? WebhookSecret));
    }

    public static string Sign(string json, DateTimeOffset at, string secret)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{json}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public JsonObject Session(string id) => Public(_sessions[id]);

    /// <summary>What Sportello asked about keeping the method: "off_session" to charge it again later.</summary>
    public string? SetupFutureUsage(string sessionId) => (string?)_sessions[sessionId]["setup_future_usage"];

    public JsonObject Intent(string id) => (JsonObject)_intents[id].DeepClone();

    private async Task SendAsync(string type, JsonObject data)
    {
        if (Deliver is { } deliver)
        {
            var (json, signature) = Event(type, data);
            await deliver(json, signature);
        }
    }

    private async Task<IResult> ApiAsync(HttpContext context, Func<IFormCollection, (int Status, JsonObject Body)> handle)
    {
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        _calls.Enqueue((context.Request.Path, key));
        if (context.Request.Headers.Authorization != $"Bearer {SecretKey}")
        {
            return Error(401, "invalid_request_error", "Invalid API Key provided.");
        }

        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            return Error(500, "api_error", "Something went wrong on Stripe's end.");
        }

        Interlocked.Exchange(ref _failures, 0);
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : FormCollection.Empty;
        (int Status, string Body) reply;
        lock (_gate)
        {
            var cacheKey = $"{context.Request.Path}|{key}";
            if (key is null || !_replies.TryGetValue(cacheKey, out reply))
            {
                var (status, body) = handle(form);
                reply = (status, body.ToJsonString());
                if (key is not null)
                {
                    _replies[cacheKey] = reply;
                }
            }
        }

        return Results.Content(reply.Body, "application/json", Encoding.UTF8, reply.Status);
    }

    private (int, JsonObject) Customer(IFormCollection form) =>
        (200, New("cus", new JsonObject { ["object"] = "customer", ["name"] = form["name"].ToString() }));

    private (int, JsonObject) CreateSession(IFormCollection form)
    {
        var metadata = Metadata(form, "metadata");
        var session = New("cs_test", new JsonObject
        {
            ["object"] = "checkout.session",
            ["mode"] = form["mode"].ToString(),
            ["customer"] = form["customer"].ToString(),
            ["client_reference_id"] = form["client_reference_id"].ToString(),
            ["success_url"] = form["success_url"].ToString(),
            ["cancel_url"] = form["cancel_url"].ToString(),
            ["locale"] = form["locale"].ToString(),
            ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
            ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"].ToString(), CultureInfo.InvariantCulture),
            ["allowed_payment_method_types"] = new JsonArray(form["allowed_payment_method_types[0]"].ToString()),
            ["setup_future_usage"] = form["payment_intent_data[setup_future_usage]"].ToString(),
            ["payment_intent_metadata"] = Metadata(form, "payment_intent_data[metadata]"),
            ["metadata"] = metadata,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["payment_intent"] = null,
        });
        session["url"] = new Uri(Address, $"/pay/{session["id"]}").ToString();
        _sessions[(string)session["id"]!] = session;
        return (200, Public(session));
    }

    private (int, JsonObject) Find(ConcurrentDictionary<string, JsonObject> objects, string id) =>
        objects.TryGetValue(id, out var found) ? (200, Public(found)) : (404, ErrorBody("invalid_request_error", $"No such object: '{id}'"));

    private (int, JsonObject) Expire(string id)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(id, out var session))
            {
                return (404, ErrorBody("invalid_request_error", $"No such checkout.session: '{id}'"));
            }

            if ((string?)session["status"] != "open")
            {
                return (400, ErrorBody("invalid_request_error", $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{(string?)session["status"]}\"."));
            }

            session["status"] = "expired";
            return (200, Public(session));
        }
    }

    private (int, JsonObject) Detach(string id)
    {
        if (!_methods.TryGetValue(id, out var method) || method["customer"] is null)
        {
            return (400, ErrorBody("invalid_request_error", "The payment method is not attached to a customer."));
        }

        method["customer"] = null;
        return (200, Public(method));
    }

    private IResult CheckoutPage(string id)
    {
        if (!_sessions.TryGetValue(id, out var session))
        {
            return Results.NotFound();
        }

        var amount = ((long)session["amount_total"]! / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        var html = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
            <body><main><h1>Fake Stripe Checkout</h1><p data-amount>{amount} {((string?)session["currency"])?.ToUpperInvariant()}</p>
            <form method="post" action="/pay/{WebUtility.HtmlEncode(id)}"><button type="submit">Pay</button></form></main></body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static JsonObject Metadata(IFormCollection form, string prefix) =>
        new(form.Keys.Where(k => k.StartsWith(prefix + "[", StringComparison.Ordinal))
            .Select(k => KeyValuePair.Create(k[(prefix.Length + 1)..^1], (JsonNode?)JsonValue.Create(form[k].ToString()))));

    // The fake's own bookkeeping stays out of what Stripe would answer.
    private static JsonObject Public(JsonObject stored)
    {
        var copy = (JsonObject)stored.DeepClone();
        copy.Remove("payment_intent_metadata");
        copy.Remove("setup_future_usage");
        copy.Remove("fake_sequence");
        return copy;
    }

    private JsonObject New(string prefix, JsonObject body)
    {
        body["id"] = $"{prefix}_{Interlocked.Increment(ref _sequence):D6}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 31, prefix.Length + 31)];
        body["created"] = Clock.GetUtcNow().ToUnixTimeSeconds();
        body["fake_sequence"] = _sequence;
        body["livemode"] = false;
        return body;
    }

    private static IResult Error(int status, string type, string message) =>
        Results.Content(ErrorBody(type, message).ToJsonString(), "application/json", Encoding.UTF8, status);

    private static JsonObject ErrorBody(string type, string message) =>
        new() { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
