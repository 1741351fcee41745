using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Lifecycles;
using Sportello.Core.Finance;
using Sportello.Core.Validation;

namespace Sportello.Billing.Tests;

/// <summary>Orders through the contract: pricing, refusals that name the line, numbering, payment by transfer and balance, renewals.</summary>
public abstract class OrderTests(SportelloApp app)
{
    private readonly BillingWorld _world = new(app);

    [Fact]
    public async Task An_order_is_priced_with_VAT_per_rate_numbered_and_pending_until_paid()
    {
        var company = await _world.CompanyAsync();
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1), 3), new NewOrderLine(BillingWorld.Exempt, Term.Years(1)));

        var order = (await _world.InDemoAsync(sp => sp.GetRequiredService<IOrders>().FindAsync(placed.OrderId)))!;
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Matches(@"^\d{4}-\d{6}$", order.Number);
        Assert.Equal(330.00m, order.Net.Amount);
        Assert.Equal(66.00m, order.Vat.Amount); // 22% of 300, nothing on the exempt 30
        Assert.Equal(396.00m, order.Total.Amount);
        Assert.Equal(placed.Total, order.Total);
        Assert.Equal([66.00m, 0m], order.Lines.Select(l => l.Vat.Amount));
    }

    [Fact]
    public async Task Bad_lines_are_refused_naming_each_line_and_field_and_nothing_is_saved()
    {
        var company = await _world.CompanyAsync();
        var refused = await Assert.ThrowsAsync<SportelloValidationException>(() => _world.OrderAsync(company,
            new NewOrderLine("inesistente", Term.Years(1)),
            new NewOrderLine(BillingWorld.Assistance, Term.Years(3)),
            new NewOrderLine(BillingWorld.Assistance, Term.Years(1), 0)));

        Assert.Equal(["lines[0].product", "lines[1].term", "lines[2].quantity"], refused.Problems.Select(p => p.Field).Order());
        Assert.Equal(0, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.CountAsync(o => o.OrganizationId == company.Id)));

        var stranger = await Assert.ThrowsAsync<SportelloValidationException>(() => _world.InDemoAsync(sp => sp.GetRequiredService<IOrders>()
            .PlaceAsync(new NewOrder(company.Id, OrderKind.FirstPurchase, [new(BillingWorld.Assistance, Term.Years(1))], null, BillingWorld.AgreementCode))));
        Assert.Equal("agreement", Assert.Single(stranger.Problems).Field);
    }

    [Fact]
    public async Task An_agreement_prices_its_products_and_the_order_says_so()
    {
        var company = await _world.CompanyAsync(agreement: true);
        var placed = await _world.InDemoAsync(sp => sp.GetRequiredService<IOrders>().PlaceAsync(new NewOrder(company.Id, OrderKind.FirstPurchase,
            [new(BillingWorld.Assistance, Term.Years(1)), new(BillingWorld.Exempt, Term.Years(1))], null, BillingWorld.AgreementCode)));

        var order = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.Include(o => o.Lines).SingleAsync(o => o.Id == placed.OrderId));
        Assert.Equal("Convenzione di prova", order.AgreementName);
        Assert.Equal([(80.00m, true), (30.00m, false)], order.Lines.OrderBy(l => l.Position).Select(l => (l.UnitPrice, l.AgreementPrice)));
    }

    [Fact]
    public async Task A_partner_buys_at_its_discount_and_a_cashback_partner_is_credited_when_paid()
    {
        var discounted = await _world.CompanyAsync(partner: "Discount", percent: 15m);
        var placed = await _world.OrderAsync(discounted, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        Assert.Equal(103.70m, placed.Total.Amount); // 85.00 + 22%

        var cashback = await _world.CompanyAsync(partner: "Cashback", percent: 5m);
        var paid = await _world.OrderAsync(cashback, new NewOrderLine(BillingWorld.Assistance, Term.Years(2)));
        Assert.Equal(219.60m, paid.Total.Amount); // list price: cashback is no discount
        await TransferAsync(paid.OrderId, 219.60m, "TRN-CB-" + Guid.NewGuid().ToString("N")[..6]);

        var balance = await _world.InDemoAsync(sp => sp.GetRequiredService<Balances>().OfAsync(cashback.Id, default));
        Assert.Equal(9.00m, balance.Amount); // 5% of the 180.00 net
    }

    [Fact]
    public async Task A_transfer_in_two_parts_pays_the_order_and_the_service_becomes_active_through_the_contract()
    {
        var company = await _world.CompanyAsync();
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));

        await TransferAsync(placed.OrderId, 100.00m, "CRO-1-" + placed.Number);
        Assert.Equal(OrderStatus.PendingPayment, (await FindAsync(placed.OrderId)).Status);
        var over = await Assert.ThrowsAsync<SportelloValidationException>(() => TransferAsync(placed.OrderId, 30.00m, "CRO-2-" + placed.Number));
        Assert.Equal("amount", Assert.Single(over.Problems).Field);
        var twice = await Assert.ThrowsAsync<SportelloValidationException>(() => TransferAsync(placed.OrderId, 22.00m, "CRO-1-" + placed.Number));
        Assert.Equal("reference", Assert.Single(twice.Problems).Field);

        await TransferAsync(placed.OrderId, 22.00m, "CRO-2-" + placed.Number);
        await app.OutboxDrainedAsync("demo");

        var order = await FindAsync(placed.OrderId);
        Assert.Equal(OrderStatus.Completed, order.Status);
        var service = Assert.Single(await _world.InDemoAsync(sp => sp.GetRequiredService<IServices>().OfAsync(company.Id)));
        Assert.Equal((ServiceStatus.Active, BillingWorld.Assistance, BillingProducts.ServizioCode), (service.Status, service.Product, service.ProductType));
        Assert.Equal(service.Starts.AddYears(1), service.Expires);
        Assert.Equal(service.Id, order.Lines.Single().ServiceId);

        var again = await Assert.ThrowsAsync<LifecycleRefusedException>(() => TransferAsync(placed.OrderId, 1.00m, "CRO-3-" + placed.Number));
        Assert.Equal("L'ordine è già completato.", again.Reason.Italian);
    }

    [Fact]
    public async Task A_manually_started_service_keeps_the_order_paid_until_an_operator_activates_it()
    {
        var company = await _world.CompanyAsync();
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Training, Term.OneOff), new NewOrderLine(BillingWorld.Assistance, Term.Monthly));
        await TransferAsync(placed.OrderId, placed.Total.Amount, "CRO-" + placed.Number);
        await app.OutboxDrainedAsync("demo");

        Assert.Equal(OrderStatus.InProvisioning, (await FindAsync(placed.OrderId)).Status); // the monthly one started itself
        var training = (await _world.InDemoAsync(sp => sp.GetRequiredService<IServices>().OfAsync(company.Id))).Single(s => s.Product == BillingWorld.Training);
        Assert.Null(training.Expires);
        await _world.InDemoAsync(async sp => { await sp.GetRequiredService<IServices>().MarkFailedAsync(training.Id, "Aula non disponibile"); return true; });
        Assert.Equal("Aula non disponibile", (await _world.InDemoAsync(sp => sp.GetRequiredService<IServices>().FindAsync(training.Id)))!.Failure);

        await _world.InDemoAsync(async sp => { await sp.GetRequiredService<IServices>().MarkActiveAsync(training.Id, "aula-3"); return true; });
        await _world.InDemoAsync(async sp => { await sp.GetRequiredService<IServices>().MarkActiveAsync(training.Id, "aula-3"); return true; });
        Assert.Equal(OrderStatus.Completed, (await FindAsync(placed.OrderId)).Status);
        var active = (await _world.InDemoAsync(sp => sp.GetRequiredService<IServices>().FindAsync(training.Id)))!;
        Assert.Equal((ServiceStatus.Active, "aula-3", (string?)null), (active.Status, active.Reference, active.Failure));
    }

    [Fact]
    public async Task The_balance_pays_what_it_covers_and_a_transfer_pays_the_rest()
    {
        var company = await _world.CompanyAsync();
        var topUp = await _world.InDemoAsync(sp => sp.GetRequiredService<TopUps>().PlaceAsync(company.Id, Money.Euros(50.00m), company.Owner, default));
        await TransferAsync(topUp.OrderId, 50.00m, "CRO-" + topUp.Number);
        Assert.Equal(OrderStatus.Completed, (await FindAsync(topUp.OrderId)).Status);

        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        var taken = await _world.InDemoAsync(sp => sp.GetRequiredService<Payments>().PayFromBalanceAsync(placed.OrderId, "u", default));
        Assert.Equal(50.00m, taken.Amount);
        Assert.Equal(OrderStatus.PendingPayment, (await FindAsync(placed.OrderId)).Status);
        Assert.Equal(0m, (await BalanceAsync(company)).Amount);
        var empty = await Assert.ThrowsAsync<SportelloValidationException>(() => _world.InDemoAsync(sp => sp.GetRequiredService<Payments>().PayFromBalanceAsync(placed.OrderId, "u", default)));
        Assert.Equal("balance", Assert.Single(empty.Problems).Field);

        await TransferAsync(placed.OrderId, 72.00m, "CRO-" + placed.Number);
        Assert.NotEqual(OrderStatus.PendingPayment, (await FindAsync(placed.OrderId)).Status);
        var kinds = await _world.InDemoAsync(sp => sp.GetRequiredService<Balances>().MovementsAsync(company.Id, 10, default));
        Assert.Equal([BalanceEntryKind.Payment, BalanceEntryKind.TopUp], kinds.Select(k => k.Kind));
    }

    [Theory]
    [InlineData("0.09")]
    [InlineData("9999.01")]
    [InlineData("10.005")]
    public async Task A_top_up_outside_the_limits_or_in_another_currency_is_refused(string amount)
    {
        var company = await _world.CompanyAsync();
        var refused = await Assert.ThrowsAsync<SportelloValidationException>(() => _world.InDemoAsync(sp =>
            sp.GetRequiredService<TopUps>().PlaceAsync(company.Id, Money.Euros(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), null, default)));
        Assert.Equal("amount", Assert.Single(refused.Problems).Field);
        var francs = await Assert.ThrowsAsync<SportelloValidationException>(() => _world.InDemoAsync(sp =>
            sp.GetRequiredService<TopUps>().PlaceAsync(company.Id, Money.Francs(10m), null, default)));
        Assert.Equal("currency", Assert.Single(francs.Problems).Field);
    }

    [Fact]
    public async Task Two_payments_of_the_same_order_at_once_charge_the_balance_once()
    {
        var company = await _world.CompanyAsync();
        await _world.InDemoAsync(async sp => { await sp.GetRequiredService<Payments>().AdjustBalanceAsync(company.Id, 500m, "Credito di prova", "op", default); return true; });
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _world.InDemoAsync(sp => sp.GetRequiredService<Payments>().PayFromBalanceAsync(placed.OrderId, "u", default));
                return true;
            }
            catch (LifecycleRefusedException)
            {
                return false;
            }
        })));

        Assert.Single(attempts, a => a);
        Assert.Equal(378.00m, (await BalanceAsync(company)).Amount);
        Assert.Equal(1, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Payments.CountAsync(p => p.OrderId == placed.OrderId)));
    }

    [Fact]
    public async Task Twenty_orders_placed_at_once_take_twenty_consecutive_numbers()
    {
        var company = await _world.CompanyAsync();
        var placed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Monthly)))));

        var sequences = placed.Select(p => DocumentNumber.Parse(p.Number)!.Value.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range((int)sequences[0], 20).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task A_renewal_extends_from_the_current_expiry_and_only_the_organizations_own_service()
    {
        var company = await _world.CompanyAsync();
        var first = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        await TransferAsync(first.OrderId, first.Total.Amount, "CRO-" + first.Number);
        await app.OutboxDrainedAsync("demo");
        var service = Assert.Single(await _world.InDemoAsync(sp => sp.GetRequiredService<IServices>().OfAsync(company.Id)));

        var other = await _world.CompanyAsync();
        var stolen = await Assert.ThrowsAsync<SportelloValidationException>(() => _world.InDemoAsync(sp => sp.GetRequiredService<IOrders>()
            .PlaceAsync(new NewOrder(other.Id, OrderKind.Renewal, [new(BillingWorld.Assistance, Term.Years(2), RenewsServiceId: service.Id)], null))));
        Assert.Equal("lines[0].renewsServiceId", Assert.Single(stolen.Problems).Field);

        var renewal = await _world.InDemoAsync(sp => sp.GetRequiredService<IOrders>()
            .PlaceAsync(new NewOrder(company.Id, OrderKind.Renewal, [new(BillingWorld.Assistance, Term.Years(2), RenewsServiceId: service.Id)], null)));
        await TransferAsync(renewal.OrderId, renewal.Total.Amount, "CRO-" + renewal.Number);

        var renewed = (await _world.InDemoAsync(sp => sp.GetRequiredService<IServices>().FindAsync(service.Id)))!;
        Assert.Equal(service.Expires!.Value.AddYears(2), renewed.Expires);
        Assert.Equal([renewal.OrderId], renewed.RenewalOrderIds);
        Assert.Equal(OrderStatus.Completed, (await FindAsync(renewal.OrderId)).Status);
    }

    [Fact]
    public async Task Cancelled_and_expired_orders_take_no_money_and_a_held_one_waits_for_release()
    {
        var company = await _world.CompanyAsync();
        var cancelled = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Monthly));
        await _world.InDemoAsync(async sp => { await sp.GetRequiredService<OrderActions>().CancelAsync(cancelled.OrderId, null, default); return true; });
        var refused = await Assert.ThrowsAsync<LifecycleRefusedException>(() => TransferAsync(cancelled.OrderId, 1m, "CRO-" + cancelled.Number));
        Assert.Equal("L'ordine è stato annullato.", refused.Reason.Italian);

        var due = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Monthly));
        await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.Where(o => o.Id == due.OrderId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.DueUtc, DateTime.UtcNow.AddDays(-1))));
        Assert.True(await _world.InDemoAsync(sp => sp.GetRequiredService<OrderActions>().ExpireDueAsync(default)) >= 1);
        Assert.Equal(OrderStatus.Expired, (await FindAsync(due.OrderId)).Status);

        var held = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Monthly));
        await _world.InDemoAsync(async sp => { await sp.GetRequiredService<OrderActions>().HoldAsync(held.OrderId, "Verifica dei dati fiscali", default); return true; });
        await Assert.ThrowsAsync<LifecycleRefusedException>(() => TransferAsync(held.OrderId, 1m, "CRO-" + held.Number));
        await _world.InDemoAsync(async sp => { await sp.GetRequiredService<OrderActions>().ReleaseAsync(held.OrderId, default); return true; });
        await TransferAsync(held.OrderId, held.Total.Amount, "CRO-" + held.Number);
        Assert.NotEqual(OrderStatus.PendingPayment, (await FindAsync(held.OrderId)).Status);
    }

    private Task TransferAsync(Guid orderId, decimal amount, string reference) => _world.InDemoAsync(async sp =>
    {
        await sp.GetRequiredService<Payments>().RegisterTransferAsync(orderId, amount, DateOnly.FromDateTime(DateTime.UtcNow), reference, "operator", default);
        return true;
    });

    private async Task<OrderView> FindAsync(Guid orderId) => (await _world.InDemoAsync(sp => sp.GetRequiredService<IOrders>().FindAsync(orderId)))!;

    private Task<Money> BalanceAsync(Company company) => _world.InDemoAsync(sp => sp.GetRequiredService<Balances>().OfAsync(company.Id, default));
}

public sealed class OrderTestsOnSqlite(AppFixture fixture) : OrderTests(fixture.App), IClassFixture<AppFixture>;

public sealed class OrderTestsOnPostgres(PostgresAppFixture fixture) : OrderTests(fixture.App), IClassFixture<PostgresAppFixture>;
