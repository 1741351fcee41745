using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Events;

namespace Sportello.Billing.Domain;

/// <summary>
/// Fulfils the generic "servizio": nothing to build, so each paid line's service is active at once, unless its product
/// is started by hand (<see cref="Product.ManualActivation"/>). It reports through <see cref="IServices"/> like any
/// product module's handler, and is idempotent the same way.
/// </summary>
public sealed class ServizioFulfilment(IServices services, BillingDbContext db) : IDomainEventHandler<OrderPaid>
{
    public async Task HandleAsync(OrderPaid paid, EventContext context, CancellationToken ct)
    {
        var lines = paid.Lines.Where(l => l.ProductType == BillingProducts.ServizioCode && l.ServiceId is not null).ToList();
        var codes = lines.Select(l => l.Product).Distinct().ToList();
        var manual = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code) && p.ManualActivation).Select(p => p.Code).ToListAsync(ct);
        foreach (var line in lines.Where(l => !manual.Contains(l.Product)))
        {
            await services.MarkActiveAsync(line.ServiceId!.Value, reference: null, ct);
        }
    }
}
