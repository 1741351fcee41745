using Sportello.Core.Finance;
using Sportello.Core.Modules;

namespace Sportello.Billing;

/// <summary>
/// Orders for product modules: a module builds what the customer chose into a <see cref="NewOrder"/>; Billing prices
/// it from the tenant's catalog (the agreement's prices when named, the partner discount for partners), numbers it
/// and leaves it pending payment. Payment, documents and the services it creates are Billing's.
/// </summary>
[ModuleContract("billing")]
public interface IOrders
{
    /// <summary>
    /// Creates a pending order. Refuses, with <c>SportelloValidationException</c> naming the line and the field, a
    /// product the catalog does not sell, a term the product does not allow, line data the product's module rejects,
    /// an agreement the organization is not attached to, or a renewal of a service that is not the organization's.
    /// </summary>
    Task<PlacedOrder> PlaceAsync(NewOrder order, CancellationToken ct = default);

    /// <summary>The order with its lines, or null when it is not one of this tenant's.</summary>
    Task<OrderView?> FindAsync(Guid orderId, CancellationToken ct = default);

    /// <summary>The organization's orders, newest first.</summary>
    Task<IReadOnlyList<OrderView>> OfAsync(Guid organizationId, CancellationToken ct = default);
}

/// <summary>What a module asks to sell to an organization.</summary>
/// <param name="PlacedByUserId">Who ordered: recorded on the order and in the audit log; null for the system (a renewal job).</param>
/// <param name="Agreement">The code of the agreement ("convenzione") to price at; null for list prices.</param>
public sealed record NewOrder(Guid OrganizationId, OrderKind Kind, IReadOnlyList<NewOrderLine> Lines, string? PlacedByUserId, string? Agreement = null);

/// <summary>One line: a catalog product (the tenant's code, of a product type), for a term, so many units, with the data its module asked the customer for.</summary>
/// <param name="Data">The module's data for the line, as JSON; checked by the product type's <see cref="ProductType.LineData"/>.</param>
/// <param name="RenewsServiceId">For a renewal: the service whose expiry the line extends.</param>
public sealed record NewOrderLine(string Product, Term Term, int Quantity = 1, string? Data = null, Guid? RenewsServiceId = null);

/// <summary>A placed order: its id, its number (<c>2026-000123</c>) and what it costs with VAT.</summary>
public sealed record PlacedOrder(Guid OrderId, string Number, Money Total);

/// <summary>An order as modules and pages read it.</summary>
public sealed record OrderView(
    Guid Id,
    string Number,
    OrderKind Kind,
    OrderStatus Status,
    Guid OrganizationId,
    DateTime PlacedUtc,
    string? Agreement,
    Money Net,
    Money Vat,
    Money Total,
    IReadOnlyList<OrderLineView> Lines);

/// <summary>One line of an order as priced.</summary>
public sealed record OrderLineView(Guid Id, int Position, string Product, string ProductType, string Description, Term Term, int Quantity, Money UnitPrice, Money Net, Money Vat, string? Data, Guid? ServiceId);
