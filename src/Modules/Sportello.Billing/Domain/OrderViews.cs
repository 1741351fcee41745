using Sportello.Core.Audit;
using Sportello.Core.Finance;

namespace Sportello.Billing.Domain;

/// <summary>Orders as the contract shows them.</summary>
internal static class OrderViews
{
    public static OrderView Of(Order order)
    {
        var currency = Currency.Parse(order.Currency);
        Money M(decimal amount) => new(amount, currency);
        return new OrderView(
            order.Id, order.Number, order.Kind, order.Status, order.OrganizationId, order.PlacedUtc, order.AgreementName,
            M(order.Net), M(order.Vat), M(order.Total),
            order.Lines.OrderBy(l => l.Position).Select(l => new OrderLineView(
                l.Id, l.Position, l.Product, l.ProductType, l.Description, Term.Find(l.Term) ?? Term.OneOff, l.Quantity,
                M(l.UnitPrice), M(l.Net), M(l.Vat), l.Data, l.ServiceId)).ToList());
    }
}

/// <summary>The audit subject of an order: its number, in the organization's log.</summary>
internal static class OrderAudit
{
    public static AuditRecord Of(Order order, string action, IReadOnlyDictionary<string, object?>? details = null) =>
        AuditRecord.Of(action, BillingAuditActions.OrderSubject, order.Id.ToString(), order.Number) with
        {
            OrganizationId = order.OrganizationId.ToString(),
            Details = details,
        };
}
