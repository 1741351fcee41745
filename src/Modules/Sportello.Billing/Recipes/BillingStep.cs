using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;
using Sportello.Core.Recipes;
using Sportello.Core.Validation;
using Sportello.Organizations;

namespace Sportello.Billing.Recipes;

public sealed record BillingStepModel
{
    public IReadOnlyList<OrderStepModel> Orders { get; init; } = [];

    public IReadOnlyList<BalanceStepModel> Balances { get; init; } = [];
}

/// <param name="Status">Where the order is: placed and left pending, paid by <paramref name="PaidWith"/> and carried on to this status, or stopped.</param>
/// <param name="DaysAgo">How long ago it was placed (and paid), so lists look lived in.</param>
/// <param name="ServiceExpiresInDays">For a paid order: the expiry its services show, counted from today.</param>
public sealed record OrderStepModel(
    string Organization,
    IReadOnlyList<OrderLineStepModel> Lines,
    OrderStatus Status = OrderStatus.PendingPayment,
    PaymentMethod PaidWith = PaymentMethod.BankTransfer,
    int DaysAgo = 0,
    int? ServiceExpiresInDays = null,
    string? Reason = null,
    bool UnderAgreement = false);

public sealed record OrderLineStepModel(string Product, string Term = "1y", int Quantity = 1);

/// <param name="Kind">A paid <c>TopUp</c> (by bank transfer) or an operator's <c>Adjustment</c> with its reason.</param>
public sealed record BalanceStepModel(string Organization, BalanceEntryKind Kind, decimal Amount, string? Reason = null);

/// <summary>
/// "billing": orders and balance movements to show, placed and paid through the same code customers and operators
/// use (numbers, prices, services and the audit log are real). It seeds a tenant that has no orders and no balance
/// movements yet and leaves one that has them alone, so a recipe runs again without doubling its history.
/// </summary>
public sealed class BillingStep : RecipeStep<BillingStepModel>
{
    public override string Name => "billing";
    public override string ModuleId => BillingModule.ModuleId;

    protected override IEnumerable<ValidationProblem> Validate(BillingStepModel step, RecipePlan plan)
    {
        for (var i = 0; i < step.Orders.Count; i++)
        {
            var order = step.Orders[i];
            if (order.PaidWith is not (PaymentMethod.BankTransfer or PaymentMethod.Balance))
            {
                yield return new($"$.orders[{i}].paidWith", "Una ricetta paga con bonifico (\"BankTransfer\") o con il credito (\"Balance\").");
            }

            if (order.Lines.Count == 0)
            {
                yield return new($"$.orders[{i}].lines", "Un ordine ha almeno una riga.");
            }

            if (order.Status == OrderStatus.HeldForReview && string.IsNullOrWhiteSpace(order.Reason))
            {
                yield return new($"$.orders[{i}].reason", "Un ordine sospeso ha il motivo che il cliente legge.");
            }
        }

        for (var b = 0; b < step.Balances.Count; b++)
        {
            if (step.Balances[b].Kind is not (BalanceEntryKind.TopUp or BalanceEntryKind.Adjustment))
            {
                yield return new($"$.balances[{b}].kind", "Movimenti di una ricetta: \"TopUp\" o \"Adjustment\".");
            }
        }
    }

    protected override async Task ExecuteAsync(BillingStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var services = context.Services;
        var db = services.GetRequiredService<BillingDbContext>();
        if (await db.Orders.AnyAsync(ct) || await db.BalanceEntries.AnyAsync(ct))
        {
            return;
        }

        var directory = services.GetRequiredService<IOrganizationDirectory>();
        for (var b = 0; b < step.Balances.Count; b++)
        {
            var model = step.Balances[b];
            var organization = await OrganizationAsync(directory, model.Organization, $"$.balances[{b}].organization", ct);
            if (model.Kind == BalanceEntryKind.TopUp)
            {
                var placed = await services.GetRequiredService<TopUps>().PlaceAsync(organization, new Money(model.Amount, services.GetRequiredService<Catalog>().Currency), null, ct);
                await PayAsync(services, placed.OrderId, PaymentMethod.BankTransfer, ct);
            }
            else
            {
                await services.GetRequiredService<Payments>().AdjustBalanceAsync(organization, model.Amount, model.Reason, RecipeActor, ct);
            }
        }

        for (var i = 0; i < step.Orders.Count; i++)
        {
            await OrderAsync(services, step.Orders[i], $"$.orders[{i}]", ct);
        }
    }

    private const string RecipeActor = "recipe";

    private static async Task OrderAsync(IServiceProvider services, OrderStepModel model, string path, CancellationToken ct)
    {
        var organization = await OrganizationAsync(services.GetRequiredService<IOrganizationDirectory>(), model.Organization, $"{path}.organization", ct);
        var agreement = model.UnderAgreement ? (await services.GetRequiredService<Catalog>().AgreementOfAsync(organization, ct))?.Code : null;
        var lines = model.Lines.Select(l => new NewOrderLine(l.Product, Term.Find(l.Term) ?? Term.Years(1), l.Quantity)).ToList();
        PlacedOrder placed;
        try
        {
            placed = await services.GetRequiredService<IOrders>().PlaceAsync(new NewOrder(organization, OrderKind.FirstPurchase, lines, null, agreement), ct);
        }
        catch (SportelloValidationException refused)
        {
            throw new SportelloValidationException(refused.Problems.Select(p => p with { Field = $"{path}.{p.Field}" }).ToList());
        }

        var actions = services.GetRequiredService<OrderActions>();
        switch (model.Status)
        {
            case OrderStatus.Cancelled:
                await actions.CancelAsync(placed.OrderId, model.Reason, ct);
                break;
            case OrderStatus.HeldForReview:
                await actions.HoldAsync(placed.OrderId, model.Reason, ct);
                break;
            case OrderStatus.Expired:
                await actions.ExpireAsync(placed.OrderId, ct);
                break;
            case OrderStatus.Paid or OrderStatus.InProvisioning or OrderStatus.Completed:
                await PayAsync(services, placed.OrderId, model.PaidWith, ct);
                await ProvisionAsync(services, placed.OrderId, model.Status, ct);
                break;
        }

        await BackdateAsync(services.GetRequiredService<BillingDbContext>(), placed.OrderId, model, Today(services), ct);
    }

    private static async Task PayAsync(IServiceProvider services, Guid orderId, PaymentMethod method, CancellationToken ct)
    {
        var payments = services.GetRequiredService<Payments>();
        if (method == PaymentMethod.Balance)
        {
            await payments.PayFromBalanceAsync(orderId, RecipeActor, ct);
            return;
        }

        var order = await services.GetRequiredService<BillingDbContext>().Orders.AsNoTracking().FirstAsync(o => o.Id == orderId, ct);
        await payments.RegisterTransferAsync(orderId, order.Outstanding, Today(services), $"DEMO-{order.Number}", RecipeActor, ct);
    }

    // The same day the domain checks dates against (tests run the recipe under a fake clock).
    private static DateOnly Today(IServiceProvider services) => DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    // Paid stays paid; in provisioning has its first service working; completed has them all.
    private static async Task ProvisionAsync(IServiceProvider services, Guid orderId, OrderStatus wanted, CancellationToken ct)
    {
        var ids = await services.GetRequiredService<BillingDbContext>().Services.AsNoTracking().Where(s => s.OrderId == orderId)
            .OrderBy(s => s.Description).Select(s => s.Id).ToListAsync(ct);
        var take = wanted switch { OrderStatus.Completed => ids.Count, OrderStatus.InProvisioning => 1, _ => 0 };
        foreach (var id in ids.Take(take))
        {
            await services.GetRequiredService<IServices>().MarkActiveAsync(id, null, ct);
        }
    }

    // Everything the order did happened DaysAgo earlier: placed, paid, its services started, its balance movements.
    // Loaded and saved rather than updated in SQL: SQLite translates no date arithmetic.
    private static async Task BackdateAsync(BillingDbContext db, Guid orderId, OrderStepModel model, DateOnly today, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var shift = TimeSpan.FromDays(model.DaysAgo);
        var order = await db.Orders.FirstAsync(o => o.Id == orderId, ct);
        db.Entry(order).Property(o => o.PlacedUtc).CurrentValue = order.PlacedUtc - shift;
        db.Entry(order).Property(o => o.DueUtc).CurrentValue = order.DueUtc - shift;
        order.PaidUtc -= shift;
        order.Version++;
        foreach (var payment in await db.Payments.Where(p => p.OrderId == orderId).ToListAsync(ct))
        {
            db.Entry(payment).Property(p => p.RecordedUtc).CurrentValue = payment.RecordedUtc - shift;
            db.Entry(payment).Property(p => p.ReceivedOn).CurrentValue = payment.ReceivedOn.AddDays(-model.DaysAgo);
        }

        foreach (var entry in await db.BalanceEntries.Where(e => e.OrderId == orderId).ToListAsync(ct))
        {
            db.Entry(entry).Property(e => e.OccurredUtc).CurrentValue = entry.OccurredUtc - shift;
        }

        foreach (var service in await db.Services.Where(s => s.OrderId == orderId).ToListAsync(ct))
        {
            var starts = service.Starts.AddDays(-model.DaysAgo);
            db.Entry(service).Property(s => s.Starts).CurrentValue = starts;
            service.Expires = model.ServiceExpiresInDays is { } left ? today.AddDays(left) : (Term.Find(service.Term) ?? Term.OneOff).End(starts);
            service.Version++;
        }

        foreach (var document in await db.Documents.Where(d => d.OrderId == orderId).ToListAsync(ct))
        {
            var content = Documents.Read(document);
            var payment = content.Payment with { DueOn = content.Payment.DueOn?.AddDays(-model.DaysAgo), PaidOn = content.Payment.PaidOn?.AddDays(-model.DaysAgo) };
            db.Entry(document).Property(d => d.IssuedUtc).CurrentValue = document.IssuedUtc - shift;
            db.Entry(document).Property(d => d.Content).CurrentValue = Documents.Write(content with { IssuedOn = content.IssuedOn.AddDays(-model.DaysAgo), Payment = payment });
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task<Guid> OrganizationAsync(IOrganizationDirectory directory, string name, string path, CancellationToken ct) =>
        (await directory.NamedAsync(name, ct)).FirstOrDefault()?.Id
        ?? throw new SportelloValidationException(path, $"Nessuna organizzazione «{name}»: creala prima con il passo \"organizations\".");
}
