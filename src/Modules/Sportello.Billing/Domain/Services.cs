using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Audit;
using Sportello.Core.Lifecycles;

namespace Sportello.Billing.Domain;

/// <summary>
/// The services organizations bought, and the modules' reports on them: the first report moves the paid order into
/// provisioning, and when every service it created works the order is completed.
/// </summary>
public sealed class Services(BillingDbContext db, LifecycleTransitions transitions, IAuditLog audit) : IServices
{
    public Task MarkActiveAsync(Guid serviceId, string? reference = null, CancellationToken ct = default) => ConflictRetry.RunAsync(db, async () =>
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, ct) ?? throw new KeyNotFoundException();
        if (service.Status != ServiceStatus.ToActivate)
        {
            return true; // reported already: a handler may see its message twice
        }

        transitions.Apply(db, ServiceLifecycle.Instance, service.Status, s => service.Status = s, ServiceTrigger.Activate, ServiceAudit.Of(service, BillingAuditActions.Service));
        (service.Reference, service.Failure) = (reference ?? service.Reference, null);
        service.Version++;
        await ProgressAsync(service.OrderId, ct);
        await db.SaveChangesAsync(ct);
        return true;
    });

    public Task MarkFailedAsync(Guid serviceId, string reason, CancellationToken ct = default) => ConflictRetry.RunAsync(db, async () =>
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, ct) ?? throw new KeyNotFoundException();
        if (service.Status != ServiceStatus.ToActivate || service.Failure == reason)
        {
            return true;
        }

        service.Failure = reason.Length > 1000 ? reason[..1000] : reason;
        service.Version++;
        audit.Add(db, ServiceAudit.Of(service, BillingAuditActions.ServiceFailed, new Dictionary<string, object?> { ["reason"] = service.Failure }));
        await ProgressAsync(service.OrderId, ct);
        await db.SaveChangesAsync(ct);
        return true;
    });

    public async Task<ServiceView?> FindAsync(Guid serviceId, CancellationToken ct = default)
    {
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        return service is null ? null : (await ViewsAsync([service], ct)).Single();
    }

    public async Task<IReadOnlyList<ServiceView>> OfAsync(Guid organizationId, string? productType = null, CancellationToken ct = default)
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && (productType == null || s.ProductType == productType))
            .ToListAsync(ct);
        return await ViewsAsync(services.OrderBy(s => s.Expires ?? DateOnly.MaxValue).ThenBy(s => s.Description).ToList(), ct);
    }

    private async Task<IReadOnlyList<ServiceView>> ViewsAsync(IReadOnlyList<Service> services, CancellationToken ct)
    {
        var ids = services.Select(s => s.Id).ToList();
        var renewals = await db.Renewals.AsNoTracking().Where(r => ids.Contains(r.ServiceId)).OrderBy(r => r.RenewedUtc).ToListAsync(ct);
        return services.Select(s => new ServiceView(
            s.Id, s.OrganizationId, s.Product, s.ProductType, s.Description, s.Status, s.Starts, s.Expires, Term.Find(s.Term) ?? Term.OneOff, s.AutoRenew, s.OrderId,
            renewals.Where(r => r.ServiceId == s.Id).Select(r => r.OrderId).ToList(), s.Reference, s.Failure)).ToList();
    }

    private async Task ProgressAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.FirstAsync(o => o.Id == orderId, ct);
        if (order.Status == OrderStatus.Paid)
        {
            transitions.Apply(db, OrderLifecycle.Instance, order.Status, s => order.Status = s, OrderTrigger.Provision, OrderAudit.Of(order, BillingAuditActions.Order));
        }

        // Tracked query: the service being changed comes back as the tracker holds it, with its new status.
        var services = await db.Services.Where(s => s.OrderId == orderId).ToListAsync(ct);
        var pending = services.Count(s => s.Status == ServiceStatus.ToActivate);
        if (order.Status == OrderStatus.InProvisioning && pending == 0)
        {
            transitions.Apply(db, OrderLifecycle.Instance, order.Status, s => order.Status = s, OrderTrigger.Complete, OrderAudit.Of(order, BillingAuditActions.Order));
        }

        order.Version++;
    }
}
