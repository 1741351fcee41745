using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using UglyToad.PdfPig;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// The demo customer orders a service, pays it on the (loopback) Stripe checkout page, comes back to the order, sees
/// it completed once Stripe's signed notification has been applied, and downloads the invoice, whose PDF holds the
/// order's totals. axe-core on each of Sportello's screens, no console errors under the content security policy
/// (whose form-action lets the order page lead to the checkout).
/// </summary>
public sealed class PaymentJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    private readonly HttpClient _webhooks = new();
    private FakeStripe _stripe = null!;

    protected override IDictionary<string, string?>? Settings => _stripe.Settings("demo");

    public override async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        await base.InitializeAsync();
        _stripe.Deliver = async (json, signature) =>
        {
            // Over the socket, as Stripe reaches the host.
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/demo/api/billing/webhooks/stripe") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", signature);
            (await _webhooks.SendAsync(request)).EnsureSuccessStatusCode();
        };
    }

    [Fact]
    public async Task A_customer_orders_pays_by_card_on_the_checkout_page_and_downloads_the_invoice()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT", AcceptDownloads = true });
        var (page, console) = await PageWithConsoleAsync(context);
        // On the tenant's configured address, where Stripe sends the customer back (the sign-in cookie is that host's).
        var site = Base.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await page.GotoAsync($"{site}/demo/area/orders/new");
        await SignInAsync(page, SignIn.DemoCustomer, SignIn.DemoCustomerPassword);

        await page.Locator("input[data-product='assistenza-prioritaria'][data-term='1y']").CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "new order");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crea l'ordine" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ordine creato");
        await Assertions.Expect(page.Locator("[data-status='PendingPayment']")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "pending order");
        var orderPage = page.Url.Split('?')[0];

        // Stripe's hosted page, then back: the notification, signed, has paid the order before the return.
        await page.GetByRole(AriaRole.Button, new() { Name = "Paga con carta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fake Stripe Checkout" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{orderPage}?done=returned");
        await App.OutboxDrainedAsync("demo");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-status='Completed']")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "paid order");

        var orderId = Guid.Parse(orderPage.Split('/').Last());
        var (number, total, vat) = await App.InTenantAsync("demo", async sp =>
        {
            var order = await sp.GetRequiredService<BillingDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
            var invoice = await sp.GetRequiredService<BillingDbContext>().Documents.AsNoTracking().SingleAsync(d => d.OrderId == orderId && d.Kind == DocumentKind.Invoice);
            return (invoice.Number, order.Total, order.Vat);
        });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"Fattura {number} (PDF)" }).ClickAsync());
        Assert.Equal($"fattura-{number}.pdf", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains($"Fattura n. {number}", text, StringComparison.Ordinal);
        var italian = System.Globalization.CultureInfo.GetCultureInfo("it-IT");
        Assert.Contains(total.ToString("#,##0.00", italian), text, StringComparison.Ordinal);
        Assert.Contains(vat.ToString("#,##0.00", italian), text, StringComparison.Ordinal);
        Assert.Contains("Carta di pagamento", text, StringComparison.Ordinal);

        await page.GotoAsync($"{site}/demo/area/invoices");
        await Assertions.Expect(page.Locator($"tr[data-document='{number}'][data-kind='Invoice']")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "invoices");
        await page.GotoAsync($"{site}/demo/area/payment-methods");
        await Assertions.Expect(page.Locator("tr[data-default='true']")).ToContainTextAsync("4242");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "payment methods");

        Assert.Empty(console);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _stripe.DisposeAsync();
        _webhooks.Dispose();
    }
}
