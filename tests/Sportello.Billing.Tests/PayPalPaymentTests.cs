using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Tests;

/// <summary>One host pointed at a loopback PayPal, whose events go to the demo tenant's webhook endpoint.</summary>
public class PayPalFixture : IAsyncLifetime
{
    protected virtual StoreKind Kind => StoreKind.Sqlite;

    public SportelloApp App { get; private set; } = null!;

    public FakePayPal PayPal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        PayPal = await FakePayPal.StartAsync();
        App = await SportelloApp.StartAsync(Kind, settings: PayPal.Settings("demo"));
        PayPal.Deliver = (json, headers) => DeliverAsync(App, json, headers);
    }

    public static async Task<HttpResponseMessage> DeliverAsync(SportelloApp app, string json, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/demo/api/billing/webhooks/paypal") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await app.ClientFor().SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await PayPal.DisposeAsync();
    }
}

public sealed class PostgresPayPalFixture : PayPalFixture
{
    protected override StoreKind Kind => StoreKind.Postgres;
}

/// <summary>
/// PayPal Orders v2 end to end: an order per attempt, approval on PayPal, the capture on return or by the approval's
/// notification or by the reconciliation, whichever comes first, and one payment however often anything repeats.
/// </summary>
public abstract partial class PayPalPaymentTests(PayPalFixture fixture)
{
    private readonly BillingWorld _world = new(fixture.App);
    private SportelloApp App => fixture.App;
    private FakePayPal PayPal => fixture.PayPal;

    [Fact]
    public async Task A_PayPal_payment_is_approved_on_PayPal_and_captured_when_the_customer_returns()
    {
        var (company, client, orderId) = await _world.PendingOrderAsync();
        var page = await client.GetStringAsync($"/demo/area/orders/{orderId}");
        Assert.Contains("data-method=\"PayPal\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-method=\"Card\"", page, StringComparison.Ordinal); // no Stripe keys here

        var paypalOrder = await PayAsync(client, orderId);
        var created = Assert.Single(PayPal.Orders, o => (string?)o["id"] == paypalOrder);
        var unit = created["purchase_units"]![0]!;
        Assert.Equal(("EUR", "122.00"), ((string?)unit["amount"]!["currency_code"], (string?)unit["amount"]!["value"]));
        Assert.Contains(PayPal.Calls, c => c.Path == "/v2/checkout/orders" && c.RequestId == $"sportello-{orderId:N}-1");

        var back = await client.GetAsync(PayPal.Approve(paypalOrder));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.EndsWith($"/demo/area/orders/{orderId}?done=paid", back.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(PayPal.Calls, c => c.Path.EndsWith("/capture", StringComparison.Ordinal) && c.RequestId == $"sportello-{orderId:N}-1-capture");

        await App.OutboxDrainedAsync("demo");
        var (order, payments) = await StateAsync(orderId);
        Assert.Equal(OrderStatus.Completed, order.Status);
        var payment = Assert.Single(payments);
        Assert.Equal((PaymentMethod.PayPal, 122.00m), (payment.Method, payment.Amount));
        Assert.Equal(1, PayPal.Tokens); // one OAuth token for every call
        _ = company;
    }

    [Fact]
    public async Task The_approval_notification_captures_for_a_customer_who_never_returns_and_replays_change_nothing()
    {
        var (_, client, orderId) = await _world.PendingOrderAsync();
        var paypalOrder = await PayAsync(client, orderId);
        PayPal.Approve(paypalOrder);

        var (json, headers) = PayPal.Event("CHECKOUT.ORDER.APPROVED", paypalOrder);
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PayPalFixture.DeliverAsync(App, json, headers)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, PayPal.CapturesOf(paypalOrder));

        // The capture's own notification, many times, and the customer's late return: still one payment.
        var (captured, captureHeaders) = PayPal.Event("PAYMENT.CAPTURE.COMPLETED", paypalOrder);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PayPalFixture.DeliverAsync(App, captured, captureHeaders)).StatusCode);
        }

        var back = await client.GetAsync($"/demo/area/orders/{orderId}/paypal?token={paypalOrder}&PayerID=FAKEPAYER01");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var (order, payments) = await StateAsync(orderId);
        Assert.NotEqual(OrderStatus.PendingPayment, order.Status);
        Assert.Single(payments);
        Assert.Equal(2, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().ProviderEvents
            .CountAsync(e => e.Provider == PaymentProvider.PayPal && e.OrderId == orderId && !e.EventId.StartsWith("return:"))));
    }

    [Fact]
    public async Task A_notification_PayPal_does_not_verify_is_refused_with_400_and_changes_nothing()
    {
        var (_, client, orderId) = await _world.PendingOrderAsync();
        var paypalOrder = await PayAsync(client, orderId);
        PayPal.Approve(paypalOrder);

        var (json, headers) = PayPal.Event("CHECKOUT.ORDER.APPROVED", paypalOrder);
        var tampered = json.Replace("122.00", "1.00", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PayPalFixture.DeliverAsync(App, tampered, headers)).StatusCode);
        var (other, otherHeaders) = PayPal.Event("CHECKOUT.ORDER.APPROVED", paypalOrder, webhookId: "WH-SOMEONE-ELSE");
        Assert.Equal(HttpStatusCode.BadRequest, (await PayPalFixture.DeliverAsync(App, other, otherHeaders)).StatusCode);
        var unsigned = new Dictionary<string, string>(headers);
        unsigned.Remove("PAYPAL-TRANSMISSION-SIG");
        Assert.Equal(HttpStatusCode.BadRequest, (await PayPalFixture.DeliverAsync(App, json, unsigned)).StatusCode);

        // A certificate that is not PayPal's is refused without asking PayPal: a flood of forgeries costs PayPal nothing.
        var verifications = PayPal.Calls.Count(c => c.Path.EndsWith("verify-webhook-signature", StringComparison.Ordinal));
        var elsewhere = new Dictionary<string, string>(headers) { ["PAYPAL-CERT-URL"] = "https://certs.example.com/v1/notifications/certs/CERT-1" };
        Assert.Equal(HttpStatusCode.BadRequest, (await PayPalFixture.DeliverAsync(App, json, elsewhere)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PayPalFixture.DeliverAsync(App, """{ "id": { "not": "a string" }, "event_type": 7 }""", headers)).StatusCode);
        Assert.Equal(verifications, PayPal.Calls.Count(c => c.Path.EndsWith("verify-webhook-signature", StringComparison.Ordinal)));

        Assert.Equal(0, PayPal.CapturesOf(paypalOrder));
        Assert.Equal(OrderStatus.PendingPayment, (await StateAsync(orderId)).Order.Status);
        Assert.Equal(0, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().ProviderEvents.CountAsync(e => e.OrderId == orderId)));
    }

    [Fact]
    public async Task When_PayPal_fails_the_order_stays_pending_and_the_retry_reuses_the_request_id()
    {
        var (_, client, orderId) = await _world.PendingOrderAsync();
        var page = await client.GetStringAsync($"/demo/area/orders/{orderId}");
        PayPal.FailNext(3); // the first try and both of its retries
        var failed = await ClickAsync(client, page, orderId);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("non risponde", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.PendingPayment, (await StateAsync(orderId)).Order.Status);

        var paypalOrder = await PayAsync(client, orderId);
        var creates = PayPal.Calls.Where(c => c.Path == "/v2/checkout/orders" && c.RequestId!.StartsWith($"sportello-{orderId:N}-", StringComparison.Ordinal)).ToList();
        Assert.True(creates.Count >= 2);
        Assert.All(creates, c => Assert.Equal($"sportello-{orderId:N}-1", c.RequestId));
        Assert.Single(PayPal.Orders, o => (string?)o["purchase_units"]![0]!["invoice_id"] == $"sportello-{orderId:N}-1");
        Assert.NotNull(paypalOrder);
    }

    [Fact]
    public async Task The_reconciliation_captures_an_approved_order_nobody_came_back_for()
    {
        var (_, client, orderId) = await _world.PendingOrderAsync();
        var paypalOrder = await PayAsync(client, orderId);
        PayPal.Approve(paypalOrder);
        await _world.AgeAttemptsAsync(orderId);

        Assert.True(await _world.InDemoAsync(sp => sp.GetRequiredService<Reconciliation>().RunAsync(CancellationToken.None)) >= 1);
        Assert.Equal(1, PayPal.CapturesOf(paypalOrder));
        Assert.Single((await StateAsync(orderId)).Payments);

        // The capture's notification after that is a duplicate of the money already recorded.
        Assert.Equal(HttpStatusCode.OK, (await PayPal.SendAsync("PAYMENT.CAPTURE.COMPLETED", paypalOrder)).StatusCode);
        Assert.Single((await StateAsync(orderId)).Payments);
    }

    /// <summary>Clicks "Paga con PayPal" and returns PayPal's order id from the approval link.</summary>
    private async Task<string> PayAsync(HttpClient client, Guid orderId)
    {
        var page = await client.GetStringAsync($"/demo/area/orders/{orderId}");
        var answer = await ClickAsync(client, page, orderId);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal(PayPal.Address.Authority, location.Authority);
        return System.Web.HttpUtility.ParseQueryString(location.Query)["token"]!;
    }

    private static Task<HttpResponseMessage> ClickAsync(HttpClient client, string page, Guid orderId) =>
        client.PostAsync($"/demo/area/orders/{orderId}?handler=Provider", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["OrganizationId"] = BillingWorld.OrganizationOf(page),
            ["method"] = nameof(PaymentMethod.PayPal),
        }));

    private Task<(Order Order, List<Payment> Payments)> StateAsync(Guid orderId) => _world.InDemoAsync(async sp =>
    {
        var db = sp.GetRequiredService<BillingDbContext>();
        return (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId), await db.Payments.AsNoTracking().Where(p => p.OrderId == orderId).ToListAsync());
    });
}

public sealed class PayPalPaymentTestsOnSqlite(PayPalFixture fixture) : PayPalPaymentTests(fixture), IClassFixture<PayPalFixture>;

public sealed class PayPalPaymentTestsOnPostgres(PostgresPayPalFixture fixture) : PayPalPaymentTests(fixture), IClassFixture<PostgresPayPalFixture>;
