using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Modules;
using Sportello.Organizations;

namespace Sportello.Billing.Tests;

/// <summary>
/// The billing pages on the demo tenant: the customer's orders in every status, paying and cancelling, services with
/// Rinnova, the balance; the rights of a collaborator and of another organization; the back office's payments and holds.
/// </summary>
public abstract partial class BillingPageTests(SportelloApp app)
{
    private const string Collaborator = "sara.conti@fiducia-demo.example";
    private const string Esposito = "Esposito Consulenze S.r.l.";

    [Fact]
    public async Task The_demo_customer_sees_the_demo_orders_in_every_status()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var html = await client.GetStringAsync("/demo/area/orders");

        var statuses = StatusAttribute().Matches(html).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Superset(Enum.GetNames<OrderStatus>().ToHashSet(), statuses);
        Assert.Contains("Assistenza prioritaria", await client.GetStringAsync("/demo/area/orders/new"), StringComparison.Ordinal); // the catalog page renders
        Assert.Contains("In verifica", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_near_expiry_is_shown_in_red_and_Rinnova_places_a_renewal_from_its_expiry()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var html = await client.GetStringAsync("/demo/area/services");
        Assert.Matches("data-service=\"Assistenza prioritaria\" data-expiring=\"true\"", html);
        Assert.Matches("data-service=\"Conservazione digitale dei documenti\" data-expiring=\"false\"", html);

        var serviceId = Guid.Parse(RenewButton().Match(html).Groups[1].Value);
        var renewed = await SignIn.PostFormAsync(client, "/demo/area/services", $"/demo/area/services?handler=Renew&serviceId={serviceId}",
            new() { ["OrganizationId"] = BillingWorld.OrganizationOf(html) });
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var order = await client.GetStringAsync(renewed.Headers.Location!.ToString());
        Assert.Contains("Rinnovo", order, StringComparison.Ordinal);
        Assert.Contains("data-status=\"PendingPayment\"", order, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customer_orders_pays_part_with_the_balance_and_sees_what_is_left()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = await client.GetStringAsync("/demo/area/orders/new");
        var placed = await SignIn.PostFormAsync(client, "/demo/area/orders/new", "/demo/area/orders/new", new()
        {
            ["OrganizationId"] = BillingWorld.OrganizationOf(page),
            ["Choice"] = "conservazione-documenti|3y",
            ["Quantity"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var address = placed.Headers.Location!.ToString().Split('?')[0];
        var order = await client.GetStringAsync(address);
        Assert.Contains("585,60", order, StringComparison.Ordinal); // 480.00 + 22%
        Assert.Contains("IT60X0542811101000000123456", order, StringComparison.Ordinal);

        var paid = await SignIn.PostFormAsync(client, address, address + "?handler=Balance", new() { ["OrganizationId"] = BillingWorld.OrganizationOf(order) });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var after = await client.GetStringAsync(address);
        Assert.Contains("data-outstanding", after, StringComparison.Ordinal);
        Assert.Contains("data-status=\"PendingPayment\"", after, StringComparison.Ordinal);
        Assert.Contains("Credito prepagato", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_asks_first_and_a_cancelled_order_offers_nothing_to_pay()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var id = await PlaceForEspositoAsync();
        var first = await client.GetStringAsync($"/demo/area/orders/{id}");
        Assert.DoesNotContain("handler=Cancel", first, StringComparison.Ordinal);
        var confirm = await client.GetStringAsync($"/demo/area/orders/{id}?confirm=cancel");
        Assert.Contains("handler=Cancel", confirm, StringComparison.Ordinal);

        var cancelled = await SignIn.PostFormAsync(client, $"/demo/area/orders/{id}?confirm=cancel", $"/demo/area/orders/{id}?handler=Cancel",
            new() { ["OrganizationId"] = BillingWorld.OrganizationOf(confirm) });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var html = await client.GetStringAsync($"/demo/area/orders/{id}");
        Assert.Contains("data-status=\"Cancelled\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Balance", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collaborator_without_the_right_to_pay_sees_the_orders_but_cannot_pay_or_order()
    {
        var client = await SignedInAsync(Collaborator, SignIn.DemoCustomerPassword);
        Assert.Contains("data-order=", await client.GetStringAsync("/demo/area/orders"), StringComparison.Ordinal);
        var id = await PlaceForEspositoAsync();
        var html = await client.GetStringAsync($"/demo/area/orders/{id}");
        Assert.DoesNotContain("handler=Balance", html, StringComparison.Ordinal);
        Assert.Contains("diritto di pagare", html, StringComparison.Ordinal);

        var pay = await client.PostAsync($"/demo/area/orders/{id}?handler=Balance", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["OrganizationId"] = BillingWorld.OrganizationOf(html),
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(await client.GetStringAsync("/demo/account")),
        }));
        Assert.Contains("/account/access-denied", pay.Headers.Location!.OriginalString);
        Assert.Contains("/account/access-denied", (await client.GetAsync("/demo/area/orders/new")).Headers.Location!.OriginalString);
        Assert.Equal(0, await app.InTenantAsync("demo", sp => sp.GetRequiredService<BillingDbContext>().Payments.CountAsync(p => p.OrderId == id)));
    }

    [Fact]
    public async Task Another_organizations_order_is_not_found_and_its_payment_not_taken()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var theirs = await app.InTenantAsync("demo", sp => sp.GetRequiredService<BillingDbContext>().Orders
            .Where(o => o.OrganizationName == "Comune di Valleverde").Select(o => o.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/demo/area/orders/{theirs}")).StatusCode);

        var mine = await client.GetStringAsync("/demo/area/orders");
        var pay = await client.PostAsync($"/demo/area/orders/{theirs}?handler=Balance", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["OrganizationId"] = BillingWorld.OrganizationOf(mine),
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(mine),
        }));
        Assert.Equal(HttpStatusCode.NotFound, pay.StatusCode);
    }

    [Fact]
    public async Task A_top_up_outside_the_limits_is_refused_on_its_field()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = await client.GetStringAsync("/demo/area/balance");
        Assert.Contains("data-kind=\"Adjustment\"", page, StringComparison.Ordinal);
        var refused = await SignIn.PostFormAsync(client, "/demo/area/balance", "/demo/area/balance?handler=TopUp",
            new() { ["OrganizationId"] = BillingWorld.OrganizationOf(page), ["Amount"] = "10000" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var placed = await SignIn.PostFormAsync(client, "/demo/area/balance", "/demo/area/balance?handler=TopUp",
            new() { ["OrganizationId"] = BillingWorld.OrganizationOf(page), ["Amount"] = "25,50" });
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Contains("Ricarica", await client.GetStringAsync(placed.Headers.Location!.ToString()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_registers_a_transfer_in_parts_and_bad_input_names_the_field()
    {
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var id = await PlaceForEspositoAsync();
        var page = $"/demo/admin/billing/orders/{id}";
        var refused = await SignIn.PostFormAsync(admin, page, page + "?handler=Register",
            new() { ["Amount"] = "abc", ["ReceivedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), ["Reference"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Equal(3, Regex.Matches(errors, "aria-invalid=\"true\"").Count);

        var part = await SignIn.PostFormAsync(admin, page, page + "?handler=Register",
            new() { ["Amount"] = "10,00", ["ReceivedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"), ["Reference"] = "TRN-" + id.ToString("N")[..10] });
        Assert.Equal(HttpStatusCode.Redirect, part.StatusCode);
        var html = await admin.GetStringAsync(page);
        Assert.Contains("data-status=\"PendingPayment\"", html, StringComparison.Ordinal);
        Assert.Contains("10,00", html, StringComparison.Ordinal);

        var held = await SignIn.PostFormAsync(admin, page, page + "?handler=Hold", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var list = await admin.GetStringAsync("/demo/admin/billing/orders?status=HeldForReview");
        Assert.DoesNotContain("data-status=\"PendingPayment\"", list, StringComparison.Ordinal);
        Assert.Contains("data-status=\"HeldForReview\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_cannot_open_the_back_office_of_billing()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        foreach (var page in new[] { "/demo/admin/billing/orders", "/demo/admin/billing/catalog", "/demo/admin/billing/agreements", "/demo/admin/billing/invoices",
                     "/demo/admin/billing/payments", "/demo/admin/billing/revenue", "/demo/admin/billing/revenue?handler=csv", "/demo/admin/billing/settings" })
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{page}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.ClientFor().GetAsync("/demo/area/orders")).StatusCode);
    }

    [Fact]
    public async Task The_partner_console_shows_the_volume_of_the_clients_it_manages_and_what_its_discount_saved()
    {
        // Studio Gallo: a 15% discount partner managing Esposito and Valleverde; its own order is 120 EUR at list price.
        var (partnerId, paidYear, managed) = await app.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            var own = await db.Orders.SingleAsync(o => o.OrganizationName == "Studio Gallo Servizi Digitali S.r.l.");
            var year = own.PaidUtc!.Value.Year;
            var clients = await db.Orders.Where(o => (o.OrganizationName == Esposito || o.OrganizationName == "Comune di Valleverde")
                && o.Kind != OrderKind.TopUp && o.PaidUtc != null).ToListAsync();
            return (own.OrganizationId, year, clients.Where(o => o.PaidUtc!.Value.Year == year).Sum(o => o.Net));
        });
        var figures = await app.InTenantAsync("demo", sp => sp.GetRequiredService<Integration<IPartnerRevenue>>().Service!.ForAsync(partnerId, paidYear));

        Assert.True(managed > 0);
        Assert.Equal(managed, figures.ManagedVolume.Amount);
        Assert.Equal(18.00m, figures.Benefit.Amount);
        Assert.Equal(0m, (await app.InTenantAsync("demo", sp => sp.GetRequiredService<Integration<IPartnerRevenue>>().Service!.ForAsync(partnerId, paidYear - 1))).ManagedVolume.Amount);

        var console = WebUtility.HtmlDecode(await (await SignedInAsync("partner@fiducia-demo.example", SignIn.DemoCustomerPassword)).GetStringAsync("/demo/area/partner"));
        Assert.DoesNotContain("disponibile quando sarà attiva la fatturazione", console, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, password);
        return client;
    }

    private Task<Guid> PlaceForEspositoAsync() => app.InTenantAsync("demo", async sp =>
    {
        var organization = (await sp.GetRequiredService<Sportello.Organizations.IOrganizationDirectory>().NamedAsync(Esposito)).First();
        var placed = await sp.GetRequiredService<IOrders>().PlaceAsync(new NewOrder(organization.Id, OrderKind.FirstPurchase, [new("assistenza-prioritaria", Term.Monthly)], null));
        return placed.OrderId;
    });

    [GeneratedRegex("serviceId=([0-9a-f-]{36})&amp;handler=Renew")]
    private static partial Regex RenewButton();

    [GeneratedRegex("data-status=\"([A-Za-z]+)\"")]
    private static partial Regex StatusAttribute();
}

public sealed class BillingPageTestsOnSqlite(AppFixture fixture) : BillingPageTests(fixture.App), IClassFixture<AppFixture>;

public sealed class BillingPageTestsOnPostgres(PostgresAppFixture fixture) : BillingPageTests(fixture.App), IClassFixture<PostgresAppFixture>;
