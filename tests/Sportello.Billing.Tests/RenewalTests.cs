using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Tests;

/// <summary>
/// /area/renewals: upcoming expiries for a period, a selection paid as one order with a term per line, each service
/// extended from its current expiry; refusals for a renewal already waiting, another organization's service, a term
/// the product is not sold for, and a member without the right to pay.
/// </summary>
public abstract partial class RenewalTests(SportelloApp app)
{
    private readonly BillingWorld _world = new(app);

    [Fact]
    public async Task A_selection_is_one_order_with_a_term_per_line_and_each_service_extends_from_its_expiry()
    {
        var (company, client, soon, later) = await TwoServicesAsync();

        var page = await client.GetStringAsync("/demo/area/renewals");
        Assert.Contains($"value=\"{soon.Id}\"", page); // the next two months by default
        Assert.DoesNotContain($"value=\"{later.Id}\"", page);
        var all = await client.GetStringAsync("/demo/area/renewals?period=all&all=true");
        Assert.Contains($"value=\"{later.Id}\"", all);
        Assert.Equal(2, TickedBox().Matches(all).Count); // "Seleziona tutti" without script

        var posted = await client.PostAsync("/demo/area/renewals?handler=Pay&period=all", BillingWorld.Form(all,
            ("Selected", soon.Id.ToString()), ("Selected", later.Id.ToString()), ($"Terms[{soon.Id}]", "2y"), ($"Terms[{later.Id}]", "1y")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var orderId = Guid.Parse(Regex.Match(posted.Headers.Location!.OriginalString, "orders/([0-9a-f-]{36})").Groups[1].Value);
        var order = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == orderId));
        Assert.Equal((OrderKind.Renewal, company.Id), (order.Kind, order.OrganizationId));
        Assert.Equal(new[] { "2y", "1y" }, order.Lines.OrderBy(l => l.Position).Select(l => l.Term));
        Assert.Equal((280.00m, 341.60m), (order.Net, order.Total)); // 180.00 for two years, 100.00 for one, + 22%

        // Waiting for payment, neither can be selected again.
        var waiting = await client.GetStringAsync("/demo/area/renewals?period=all");
        Assert.DoesNotContain($"name=\"Selected\" value=\"{soon.Id}\"", waiting);
        var again = await client.PostAsync("/demo/area/renewals?handler=Pay&period=all", BillingWorld.Form(waiting, ("Selected", soon.Id.ToString()), ($"Terms[{soon.Id}]", "1y")));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"già un rinnovo in attesa di pagamento: l'ordine {order.Number}", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        await _world.TransferAsync(orderId, 341.60m);
        var renewed = await ServicesAsync(soon.Id, later.Id);
        Assert.Equal(soon.Expires!.Value.AddYears(2), renewed[soon.Id]);
        Assert.Equal(later.Expires!.Value.AddYears(1), renewed[later.Id]);
        Assert.Single(await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Documents.Where(d => d.OrderId == orderId && d.Kind == DocumentKind.Invoice).ToListAsync()));
    }

    [Fact]
    public async Task A_lapsed_service_renews_from_its_expiry_not_from_the_payment()
    {
        var (_, client, soon, _) = await TwoServicesAsync(soonDays: -20);
        var page = await client.GetStringAsync("/demo/area/renewals");
        var posted = await client.PostAsync("/demo/area/renewals?handler=Pay", BillingWorld.Form(page, ("Selected", soon.Id.ToString()), ($"Terms[{soon.Id}]", "1y")));
        var orderId = Guid.Parse(Regex.Match(posted.Headers.Location!.OriginalString, "orders/([0-9a-f-]{36})").Groups[1].Value);
        await _world.TransferAsync(orderId, 122.00m);
        Assert.Equal(soon.Expires!.Value.AddYears(1), (await ServicesAsync(soon.Id))[soon.Id]);
    }

    [Fact]
    public async Task A_service_lapsed_longer_than_its_term_renews_from_the_payment_not_into_the_past()
    {
        var (_, client, soon, _) = await TwoServicesAsync(soonDays: -90, term: "1m");
        var page = await client.GetStringAsync("/demo/area/renewals?period=all");
        var posted = await client.PostAsync("/demo/area/renewals?handler=Pay&period=all", BillingWorld.Form(page, ("Selected", soon.Id.ToString()), ($"Terms[{soon.Id}]", "1m")));
        var orderId = Guid.Parse(Regex.Match(posted.Headers.Location!.OriginalString, "orders/([0-9a-f-]{36})").Groups[1].Value);
        var order = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == orderId));
        await _world.TransferAsync(orderId, order.Total);
        Assert.True((await ServicesAsync(soon.Id))[soon.Id] > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(27));
    }

    [Fact]
    public async Task A_term_keyed_by_something_not_a_service_is_a_field_error_not_a_failure()
    {
        var (_, client, soon, _) = await TwoServicesAsync();
        var page = await client.GetStringAsync("/demo/area/renewals");
        var posted = await client.PostAsync("/demo/area/renewals?handler=Pay", BillingWorld.Form(page, ("Selected", soon.Id.ToString()), ("Terms[not-a-guid]", "1y"), ("Selected", "also-not-a-guid")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Scegli la durata di ogni servizio selezionato", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Another_organizations_service_a_term_not_sold_and_a_member_without_the_right_are_refused()
    {
        var (company, client, soon, _) = await TwoServicesAsync();
        var (_, stranger, _, _) = await TwoServicesAsync();
        var strangerPage = await stranger.GetStringAsync("/demo/area/renewals");
        var foreign = await stranger.PostAsync("/demo/area/renewals?handler=Pay", BillingWorld.Form(strangerPage, ("Selected", soon.Id.ToString()), ($"Terms[{soon.Id}]", "1y")));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var page = await client.GetStringAsync("/demo/area/renewals");
        var monthly = await client.PostAsync("/demo/area/renewals?handler=Pay", BillingWorld.Form(page, ("Selected", soon.Id.ToString()), ($"Terms[{soon.Id}]", "one-off")));
        Assert.Equal(HttpStatusCode.OK, monthly.StatusCode);
        Assert.Contains("si rinnova per 1 anno, 2 anni", WebUtility.HtmlDecode(await monthly.Content.ReadAsStringAsync()));
        var none = await client.PostAsync("/demo/area/renewals?handler=Pay", BillingWorld.Form(page));
        Assert.Contains("Scegli almeno un servizio da rinnovare", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()));

        var collaborator = app.ClientFor();
        await SignIn.AsAsync(collaborator, "/demo", company.Collaborator, BillingWorld.Password);
        var collaboratorPage = await collaborator.GetStringAsync("/demo/area/renewals");
        Assert.DoesNotContain("Paga la selezione", collaboratorPage);
        var refused = await collaborator.PostAsync("/demo/area/renewals?handler=Pay", BillingWorld.Form(collaboratorPage, ("Selected", soon.Id.ToString()), ($"Terms[{soon.Id}]", "1y")));
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString);
        Assert.Equal(0, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.CountAsync(o => o.OrganizationId == company.Id && o.Kind == OrderKind.Renewal)));
    }

    /// <summary>A company with two paid yearly services, one expiring in <paramref name="soonDays"/> days and one in five months; its legal representative signed in.</summary>
    private async Task<(Company Company, HttpClient Client, Service Soon, Service Later)> TwoServicesAsync(int soonDays = 20, string term = "1y")
    {
        var company = await _world.CompanyAsync();
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", company.Owner, BillingWorld.Password);
        var first = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Find(term)!.Value));
        var second = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        await _world.TransferAsync(first.OrderId, first.Total.Amount);
        await _world.TransferAsync(second.OrderId, second.Total.Amount);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (soon, later) = await _world.InDemoAsync(async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            var services = await db.Services.Where(s => s.OrganizationId == company.Id).OrderBy(s => s.Term == term ? 0 : 1).ThenBy(s => s.Id).ToListAsync();
            (services[0].Expires, services[1].Expires) = (today.AddDays(soonDays), today.AddMonths(5));
            services[0].Status = soonDays < 0 ? ServiceStatus.Suspended : services[0].Status;
            services.ForEach(s => s.Version++);
            await db.SaveChangesAsync();
            return (services[0], services[1]);
        });
        return (company, client, soon, later);
    }

    private Task<Dictionary<Guid, DateOnly?>> ServicesAsync(params Guid[] ids) => _world.InDemoAsync(sp =>
        sp.GetRequiredService<BillingDbContext>().Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Expires));


    [GeneratedRegex("name=\"Selected\" value=\"[0-9a-f-]{36}\" checked")]
    private static partial Regex TickedBox();
}

public sealed class RenewalTestsOnSqlite(AppFixture fixture) : RenewalTests(fixture.App), IClassFixture<AppFixture>;

public sealed class RenewalTestsOnPostgres(PostgresAppFixture fixture) : RenewalTests(fixture.App), IClassFixture<PostgresAppFixture>;
