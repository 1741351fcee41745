using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Tests;

/// <summary>One host pointed at a loopback Stripe, whose signed webhooks go to the demo tenant's endpoint.</summary>
public class StripeFixture : IAsyncLifetime
{
    protected virtual StoreKind Kind => StoreKind.Sqlite;

    public SportelloApp App { get; private set; } = null!;

    public FakeStripe Stripe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        // The demo shop (EUR) and a Swiss one (CHF, for TWINT), each with its own keys.
        var settings = new Dictionary<string, string?>(Stripe.Settings("demo"));
        foreach (var (key, value) in Stripe.Settings(StripePaymentTests.SwissShop))
        {
            settings[key] = value;
        }

        App = await SportelloApp.StartAsync(Kind, settings: settings);
        Stripe.Deliver = (json, signature) => DeliverAsync(App, json, signature);
    }

    public static async Task<HttpResponseMessage> DeliverAsync(SportelloApp app, string json, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/demo/api/billing/webhooks/stripe") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        return await app.ClientFor().SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

public sealed class PostgresStripeFixture : StripeFixture
{
    protected override StoreKind Kind => StoreKind.Postgres;
}

/// <summary>
/// Card payments through Stripe Checkout end to end, and what makes them safe: completion only by a verified
/// notification (or the reconciliation asking Stripe), one payment however often an event comes, one session for
/// parallel clicks, the same idempotency key when Stripe fails and the customer tries again.
/// </summary>
public abstract partial class StripePaymentTests(StripeFixture fixture)
{
    public const string SwissShop = "ticino";

    private readonly BillingWorld _world = new(fixture.App);
    private SportelloApp App => fixture.App;
    private FakeStripe Stripe => fixture.Stripe;

    [Fact]
    public async Task A_card_payment_goes_through_the_hosted_page_and_completes_by_the_webhook()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        var page = await client.GetStringAsync($"/demo/area/orders/{orderId}");
        Assert.Contains("data-method=\"Card\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-method=\"Twint\"", page, StringComparison.Ordinal); // TWINT is for CHF

        var sessionId = await PayAsync(client, orderId, PaymentMethod.Card);
        var session = Stripe.Session(sessionId);
        Assert.Equal(12200, (long)session["amount_total"]!); // 100.00 + 22% VAT, in cents
        Assert.Equal("eur", (string?)session["currency"]);
        Assert.Equal("card", (string?)session["allowed_payment_method_types"]![0]);
        Assert.EndsWith($"/demo/area/orders/{orderId}?done=returned", (string?)session["success_url"], StringComparison.Ordinal);

        // Coming back is not paying: the order waits for Stripe's word.
        var back = await client.GetStringAsync($"/demo/area/orders/{orderId}?done=returned");
        Assert.Contains("data-status=\"PendingPayment\"", back, StringComparison.Ordinal);

        await Stripe.PayAsync(sessionId);
        await App.OutboxDrainedAsync("demo");
        var (order, payments, saved) = await StateAsync(orderId, company.Id);
        Assert.Equal(OrderStatus.Completed, order.Status);
        var payment = Assert.Single(payments);
        Assert.Equal((PaymentMethod.Card, 122.00m), (payment.Method, payment.Amount));
        Assert.StartsWith("pi_", payment.Reference, StringComparison.Ordinal);
        var card = Assert.Single(saved);
        Assert.Equal(("visa", "4242", true), (card.Label, card.Last4, card.IsDefault));
        Assert.Equal("off_session", Stripe.SetupFutureUsage(sessionId)); // kept for renewals
    }

    [Fact]
    public async Task Saved_cards_are_listed_to_members_and_removed_only_by_one_who_may_pay_detaching_them_at_Stripe()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        await Stripe.PayAsync(await PayAsync(client, orderId, PaymentMethod.Card));
        var card = Assert.Single((await StateAsync(orderId, company.Id)).Saved);

        var collaborator = App.ClientFor();
        await SignIn.AsAsync(collaborator, "/demo", company.Collaborator, BillingWorld.Password);
        var seen = await collaborator.GetStringAsync("/demo/area/payment-methods");
        Assert.Contains($"data-saved-method=\"{card.Id}\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Remove", seen, StringComparison.Ordinal);
        var refused = await SignIn.PostFormAsync(collaborator, "/demo/account", $"/demo/area/payment-methods?handler=Remove&methodId={card.Id}",
            new() { ["OrganizationId"] = company.Id.ToString() });
        Assert.Contains("access-denied", refused.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);

        var other = await _world.CompanyAsync();
        var stranger = App.ClientFor();
        await SignIn.AsAsync(stranger, "/demo", other.Owner, BillingWorld.Password);
        Assert.DoesNotContain(card.Id.ToString(), await stranger.GetStringAsync("/demo/area/payment-methods"), StringComparison.Ordinal);
        var foreign = await SignIn.PostFormAsync(stranger, "/demo/account", $"/demo/area/payment-methods?handler=Remove&methodId={card.Id}",
            new() { ["OrganizationId"] = other.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var removed = await SignIn.PostFormAsync(client, "/demo/area/payment-methods", $"/demo/area/payment-methods?handler=Remove&methodId={card.Id}",
            new() { ["OrganizationId"] = company.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await StateAsync(orderId, company.Id)).Saved);
        Assert.Contains(Stripe.Calls, c => c.Path == $"/v1/payment_methods/{card.ProviderMethodId}/detach");
    }

    [Fact]
    public async Task A_Swiss_shop_offers_TWINT_and_a_TWINT_payment_completes_in_francs()
    {
        var owner = $"titolare-{Guid.NewGuid():N}"[..20] + "@ticino.example";
        await App.RunRecipeAsync($$"""
            { "name": "ch", "steps": [
              { "step": "tenant", "name": "{{SwissShop}}", "prefix": "{{SwissShop}}", "culture": "it-IT", "timeZone": "Europe/Zurich", "currency": "CHF" },
              { "step": "modules", "enable": [ "identity", "organizations", "billing" ] },
              { "step": "catalog", "products": [ { "code": "assistenza", "type": "billing.servizio", "name": "Assistenza", "prices": { "1y": 100.00 } } ] },
              { "step": "users", "users": [ { "email": "{{owner}}", "displayName": "Titolare Ticino", "password": "{{BillingWorld.Password}}", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "Ticino Servizi {{owner[10..16]}} SA", "kind": "Company", "partitaIva": "{{TaxCodes.PartitaIva(owner[10..18])}}" },
                "members": [ { "email": "{{owner}}", "role": "LegalRepresentative" } ] } ] } ] }
            """);
        var organizationId = await App.InTenantAsync(SwissShop, async sp => (await sp.GetRequiredService<Sportello.Organizations.IOrganizationDirectory>()
            .NamedAsync($"Ticino Servizi {owner[10..16]} SA")).Single().Id);
        var placed = await App.InTenantAsync(SwissShop, sp => sp.GetRequiredService<IOrders>()
            .PlaceAsync(new NewOrder(organizationId, OrderKind.FirstPurchase, [new NewOrderLine("assistenza", Term.Years(1))], null)));
        Assert.Equal("CHF", placed.Total.Currency.Code);

        var client = App.ClientFor();
        await SignIn.AsAsync(client, $"/{SwissShop}", owner, BillingWorld.Password);
        var page = await client.GetStringAsync($"/{SwissShop}/area/orders/{placed.OrderId}");
        Assert.Contains("data-method=\"Twint\"", page, StringComparison.Ordinal);
        var answer = await client.PostAsync($"/{SwissShop}/area/orders/{placed.OrderId}?handler=Provider", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["OrganizationId"] = BillingWorld.OrganizationOf(page),
            ["method"] = nameof(PaymentMethod.Twint),
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var sessionId = answer.Headers.Location!.AbsolutePath.Split('/').Last();
        var session = Stripe.Session(sessionId);
        Assert.Equal(("chf", "twint", 12200L), ((string?)session["currency"], (string?)session["allowed_payment_method_types"]![0], (long)session["amount_total"]!));

        var deliver = Stripe.Deliver;
        Stripe.Deliver = async (json, signature) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/{SwissShop}/api/billing/webhooks/stripe") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", signature);
            Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().SendAsync(request)).StatusCode);
        };
        try
        {
            await Stripe.PayAsync(sessionId);
        }
        finally
        {
            Stripe.Deliver = deliver;
        }

        var payment = await App.InTenantAsync(SwissShop, sp => sp.GetRequiredService<BillingDbContext>().Payments.AsNoTracking().SingleAsync(p => p.OrderId == placed.OrderId));
        Assert.Equal((PaymentMethod.Twint, 122.00m, "CHF"), (payment.Method, payment.Amount, payment.Currency));
    }

    [Fact]
    public async Task An_order_paid_another_way_closes_the_checkout_left_open_so_it_cannot_be_paid_twice()
    {
        var (_, client, orderId) = await _world.PendingOrderAsync();
        var sessionId = await PayAsync(client, orderId, PaymentMethod.Card);
        await _world.InDemoAsync(async sp =>
        {
            await sp.GetRequiredService<Payments>().RegisterTransferAsync(orderId, 122.00m, DateOnly.FromDateTime(DateTime.UtcNow), "TRN-" + orderId.ToString("N")[..12], "operator", default);
            return true;
        });
        await App.OutboxDrainedAsync("demo");

        Assert.Equal("expired", (string?)Stripe.Session(sessionId)["status"]);
        var attempt = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Attempts.AsNoTracking().SingleAsync(a => a.OrderId == orderId));
        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        Assert.Contains(Stripe.Calls, c => c.Path == $"/v1/checkout/sessions/{sessionId}/expire");
    }

    [Fact]
    public async Task The_card_is_saved_when_the_sessions_event_pays_the_order_before_the_payment_intents_arrives()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        await Stripe.PayAsync(await PayAsync(client, orderId, PaymentMethod.Card), sessionFirst: true);

        var (_, payments, saved) = await StateAsync(orderId, company.Id);
        Assert.Single(payments);
        Assert.Equal("4242", Assert.Single(saved).Last4);
    }

    [Fact]
    public async Task A_notification_delivered_ten_times_at_once_records_one_payment()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        var sessionId = await PayAsync(client, orderId, PaymentMethod.Card);
        await PaidWithoutNotificationsAsync(sessionId);

        var (json, signature) = Stripe.Event("checkout.session.completed", Stripe.Session(sessionId));
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => StripeFixture.DeliverAsync(App, json, signature)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var (order, payments, _) = await StateAsync(orderId, company.Id);
        Assert.Single(payments);
        Assert.Equal(122.00m, order.Received);
        Assert.Equal(1, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().ProviderEvents.CountAsync(e => e.OrderId == orderId)));
    }

    [Fact]
    public async Task The_other_event_of_the_same_payment_finds_it_recorded()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        var sessionId = await PayAsync(client, orderId, PaymentMethod.Card);
        await Stripe.PayAsync(sessionId); // payment_intent.succeeded, then checkout.session.completed

        var events = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().ProviderEvents.Where(e => e.OrderId == orderId).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.Single(events, e => e.Outcome == EventOutcome.Applied);
        Assert.Single(events, e => e.Outcome == EventOutcome.Ignored);
        Assert.Single((await StateAsync(orderId, company.Id)).Payments);
    }

    [Fact]
    public async Task A_bad_or_stale_signature_is_refused_and_changes_nothing()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        var sessionId = await PayAsync(client, orderId, PaymentMethod.Card);
        var paid = Stripe.Session(sessionId);
        paid["payment_status"] = "paid";
        paid["payment_intent"] = "pi_forged";

        var forged = Stripe.Event("checkout.session.completed", paid, secret: "whsec_someone_else");
        var stale = Stripe.Event("checkout.session.completed", paid, signedAt: DateTimeOffset.UtcNow.AddMinutes(-30));
        var (json, signature) = Stripe.Event("checkout.session.completed", paid);

        Assert.Equal(HttpStatusCode.BadRequest, (await StripeFixture.DeliverAsync(App, forged.Json, forged.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StripeFixture.DeliverAsync(App, stale.Json, stale.Signature)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StripeFixture.DeliverAsync(App, json.Replace("12200", "1"), signature)).StatusCode);
        Assert.Empty((await StateAsync(orderId, company.Id)).Payments);
        Assert.Equal(0, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().ProviderEvents.CountAsync(e => e.OrderId == orderId)));
    }

    [Fact]
    public async Task Two_parallel_clicks_on_Paga_open_one_session_with_one_key()
    {
        var (_, client, orderId) = await _world.PendingOrderAsync();
        var page = await client.GetStringAsync($"/demo/area/orders/{orderId}");
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => ClickAsync(client, page, orderId, PaymentMethod.Card)));

        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        Assert.Single(clicks.Select(c => c.Headers.Location!.ToString()).Distinct());
        var attempts = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Attempts.Where(a => a.OrderId == orderId).ToListAsync());
        Assert.Single(attempts);
        Assert.Single(Stripe.Sessions, s => (string?)s["client_reference_id"] == orderId.ToString());
    }

    [Fact]
    public async Task When_Stripe_fails_the_order_stays_pending_with_a_clear_message_and_the_retry_reuses_the_key()
    {
        var (_, client, orderId) = await _world.PendingOrderAsync();
        var page = await client.GetStringAsync($"/demo/area/orders/{orderId}");
        Stripe.FailNext(10);
        var failed = await ClickAsync(client, page, orderId, PaymentMethod.Card);
        Stripe.FailNext(0);

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("non risponde", WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var attempt = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Attempts.SingleAsync(a => a.OrderId == orderId));
        Assert.Equal(AttemptStatus.Started, attempt.Status);
        var tries = Stripe.Calls.Count(c => c.Key == attempt.IdempotencyKey);

        var retried = await ClickAsync(client, page, orderId, PaymentMethod.Card);
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        Assert.True(Stripe.Calls.Count(c => c.Key == attempt.IdempotencyKey) > tries);
        Assert.DoesNotContain(Stripe.Calls, c => c.Path.EndsWith("/sessions", StringComparison.Ordinal) && c.Key != null && c.Key.StartsWith($"sportello-{orderId:N}-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reconciliation_completes_a_payment_whose_notification_never_came()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        var sessionId = await PayAsync(client, orderId, PaymentMethod.Card);
        await PaidWithoutNotificationsAsync(sessionId);

        Assert.Equal(0, await ReconcileAsync()); // too recent: the notification may still come
        await _world.AgeAttemptsAsync(orderId);
        Assert.True(await ReconcileAsync() >= 1);
        Assert.NotEqual(OrderStatus.PendingPayment, (await StateAsync(orderId, company.Id)).Order.Status);

        // The notification arriving late finds the payment recorded.
        var (json, signature) = Stripe.Event("checkout.session.completed", Stripe.Session(sessionId));
        Assert.Equal(HttpStatusCode.OK, (await StripeFixture.DeliverAsync(App, json, signature)).StatusCode);
        Assert.Single((await StateAsync(orderId, company.Id)).Payments);
    }

    [Fact]
    public async Task Another_organization_cannot_start_paying_an_order_and_a_collaborator_without_rights_cannot_either()
    {
        var (company, _, orderId) = await _world.PendingOrderAsync();
        var other = await _world.CompanyAsync();
        var stranger = App.ClientFor();
        await SignIn.AsAsync(stranger, "/demo", other.Owner, BillingWorld.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/demo/area/orders/{orderId}")).StatusCode);

        var collaborator = App.ClientFor();
        await SignIn.AsAsync(collaborator, "/demo", company.Collaborator, BillingWorld.Password);
        var page = await collaborator.GetStringAsync($"/demo/area/orders/{orderId}");
        Assert.DoesNotContain("data-method=\"Card\"", page, StringComparison.Ordinal);
        var refused = await SignIn.PostFormAsync(collaborator, "/demo/account", $"/demo/area/orders/{orderId}?handler=Provider",
            new() { ["OrganizationId"] = company.Id.ToString(), ["method"] = "Card" });
        Assert.Contains("access-denied", refused.Headers.Location?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Attempts.CountAsync(a => a.OrderId == orderId)));
    }

    /// <summary>Stripe takes the money but its notifications do not arrive (or not yet).</summary>
    private async Task PaidWithoutNotificationsAsync(string sessionId)
    {
        var deliver = Stripe.Deliver;
        Stripe.Deliver = null;
        try
        {
            await Stripe.PayAsync(sessionId);
        }
        finally
        {
            Stripe.Deliver = deliver;
        }
    }

    private Task<int> ReconcileAsync() => _world.InDemoAsync(sp => sp.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None));

    private async Task<string> PayAsync(HttpClient client, Guid orderId, PaymentMethod method)
    {
        var page = await client.GetStringAsync($"/demo/area/orders/{orderId}");
        var answer = await ClickAsync(client, page, orderId, method);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect,
            $"{answer.StatusCode}: " + string.Join("\n", App.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).TakeLast(5).Select(l => l.Message)));
        var location = answer.Headers.Location!;
        Assert.Equal(Stripe.Address.Authority, location.Authority);
        return location.AbsolutePath.Split('/').Last();
    }

    private static Task<HttpResponseMessage> ClickAsync(HttpClient client, string page, Guid orderId, PaymentMethod method) =>
        client.PostAsync($"/demo/area/orders/{orderId}?handler=Provider", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["OrganizationId"] = BillingWorld.OrganizationOf(page),
            ["method"] = method.ToString(),
        }));

    private Task<(Order Order, List<Payment> Payments, List<SavedPaymentMethod> Saved)> StateAsync(Guid orderId, Guid organizationId) => _world.InDemoAsync(async sp =>
    {
        var db = sp.GetRequiredService<BillingDbContext>();
        return (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId),
            await db.Payments.AsNoTracking().Where(p => p.OrderId == orderId).ToListAsync(),
            await db.SavedMethods.AsNoTracking().Where(m => m.OrganizationId == organizationId).ToListAsync());
    });
}

public sealed class StripePaymentTestsOnSqlite(StripeFixture fixture) : StripePaymentTests(fixture), IClassFixture<StripeFixture>;

public sealed class StripePaymentTestsOnPostgres(PostgresStripeFixture fixture) : StripePaymentTests(fixture), IClassFixture<PostgresStripeFixture>;
