using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Events;
using Sportello.Core.Lifecycles;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Domain;

/// <summary>
/// What happens, in the payment's own transaction, when money arrives for an order: the payment is recorded and,
/// once the total is covered, the order is paid and invoiced, its services are created or renewed, a top-up credits the balance,
/// a partner's cashback is credited, and <see cref="OrderPaid"/> goes to the outbox for the product modules.
/// </summary>
public sealed class Settlement(
    BillingDbContext db, LifecycleTransitions transitions, Balances balances, ProductTypes types, Documents documents, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Adds <paramref name="payment"/> to the tracked <paramref name="order"/>; the caller saves.</summary>
    public async Task ReceiveAsync(Order order, Payment payment, CancellationToken ct)
    {
        order.Received += payment.Amount;
        order.Version++;
        db.Payments.Add(payment);
        if (order.Received >= order.Payable)
        {
            await PayAsync(order, ct);
        }
    }

    private async Task PayAsync(Order order, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        transitions.Apply(db, OrderLifecycle.Instance, order.Status, s => order.Status = s, OrderTrigger.Pay, OrderAudit.Of(order, BillingAuditActions.Order));
        order.PaidUtc = now;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, tenant.Tenant.TimeZone));
        var toActivate = 0;
        foreach (var line in order.Lines.OrderBy(l => l.Position))
        {
            if (line.ProductType == TopUp.ProductType)
            {
                await balances.AddAsync(new BalanceEntry
                {
                    OrganizationId = order.OrganizationId, Kind = BalanceEntryKind.TopUp, Amount = line.Net, Currency = order.Currency,
                    OccurredUtc = now, OrderId = order.Id, OrderNumber = order.Number,
                }, ct);
            }
            else if (line.RenewsServiceId is { } renewed)
            {
                line.ServiceId = await RenewAsync(order, line, renewed, today, now, ct);
            }
            else if (types.Find(line.ProductType)?.Yield != ProductYield.Quantity)
            {
                var term = Term.Find(line.Term) ?? Term.OneOff;
                var service = new Service
                {
                    OrganizationId = order.OrganizationId, Product = line.Product, ProductType = line.ProductType,
                    Description = line.Quantity > 1 ? $"{line.Description} × {line.Quantity}" : line.Description,
                    Status = ServiceStatus.ToActivate, Starts = today, Expires = term.End(today), Term = term.Code, OrderId = order.Id,
                };
                db.Services.Add(service);
                line.ServiceId = service.Id;
                toActivate++;
            }
        }

        var cashback = order.Lines.Sum(l => l.Cashback);
        if (order.CashbackPartnerId is { } partner && cashback > 0)
        {
            await balances.AddAsync(new BalanceEntry
            {
                OrganizationId = partner, Kind = BalanceEntryKind.Cashback, Amount = cashback, Currency = order.Currency,
                OccurredUtc = now, OrderId = order.Id, OrderNumber = order.Number,
            }, ct);
        }

        // A top-up is money on account: the invoice comes with the services it pays for.
        if (order.Kind != OrderKind.TopUp)
        {
            await documents.IssueAsync(order, DocumentKind.Invoice, ct);
        }

        db.Raise(new OrderPaid(order.Id, order.Number, order.OrganizationId, order.Kind, order.Lines.OrderBy(l => l.Position)
            .Select(l => new PaidLine(l.Id, l.Product, l.ProductType, Term.Find(l.Term) ?? Term.OneOff, l.Quantity, l.Data, l.ServiceId)).ToList()));
        if (toActivate == 0)
        {
            // Nothing for a module to activate (renewals, credits, top-ups): the order is done when paid.
            transitions.Apply(db, OrderLifecycle.Instance, order.Status, s => order.Status = s, OrderTrigger.Complete, OrderAudit.Of(order, BillingAuditActions.Order));
        }
    }

    private async Task<Guid> RenewAsync(Order order, OrderLine line, Guid serviceId, DateOnly today, DateTime now, CancellationToken ct)
    {
        var service = await db.Services.FirstAsync(s => s.Id == serviceId, ct);
        var former = service.Expires;
        // Always from the current expiry, never from the payment: paying early loses nothing, paying late (a suspended
        // service) keeps its anniversary. Only a period that would already be over when paid runs from today instead.
        var term = Term.Find(line.Term) ?? Term.Years(1);
        service.Expires = former is { } expiry && term.End(expiry) > today ? term.End(expiry) : term.End(today);
        service.Version++;
        db.Renewals.Add(new ServiceRenewal { ServiceId = service.Id, OrderId = order.Id, FormerExpiry = former, Expires = service.Expires, RenewedUtc = now });
        db.Raise(new ServiceRenewed(service.Id, service.OrganizationId, service.ProductType, order.Id, former, service.Expires));
        if (service.Status == ServiceStatus.Suspended)
        {
            transitions.Apply(db, ServiceLifecycle.Instance, service.Status, s => service.Status = s, ServiceTrigger.Reactivate, ServiceAudit.Of(service, BillingAuditActions.Service));
            db.Raise(new ServiceReactivated(service.Id, service.OrganizationId, service.ProductType));
        }

        return service.Id;
    }
}
