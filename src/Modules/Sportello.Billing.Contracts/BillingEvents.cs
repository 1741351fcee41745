using Sportello.Core.Events;

namespace Sportello.Billing;

/// <summary>
/// An order was paid in full. Product modules fulfil the lines of their product types, idempotently by
/// <c>EventContext.MessageId</c> and <see cref="PaidLine.LineId"/>, and report through <see cref="IServices"/>.
/// </summary>
[DomainEvent("billing.order-paid")]
public sealed record OrderPaid(Guid OrderId, string Number, Guid OrganizationId, OrderKind Kind, IReadOnlyList<PaidLine> Lines) : IDomainEvent;

/// <summary>A paid line: what it bought and, for service lines, the service it created or renewed.</summary>
/// <param name="Product">The catalog product's code (the tenant's); <paramref name="ProductType"/> is the module's type, what a handler filters on.</param>
public sealed record PaidLine(Guid LineId, string Product, string ProductType, Term Term, int Quantity, string? Data, Guid? ServiceId);

/// <summary>An order was cancelled (by the customer, an operator, or on expiry of a hold); nothing of it is provisioned.</summary>
[DomainEvent("billing.order-cancelled")]
public sealed record OrderCancelled(Guid OrderId, string Number, Guid OrganizationId, string? Reason) : IDomainEvent;

/// <summary>A service's period was extended by a paid renewal, from its former expiry.</summary>
[DomainEvent("billing.service-renewed")]
public sealed record ServiceRenewed(Guid ServiceId, Guid OrganizationId, string ProductType, Guid OrderId, DateOnly? FormerExpiry, DateOnly? Expires) : IDomainEvent;

/// <summary>A service was blocked: unpaid past its expiry, or by an operator. The module stops what it runs.</summary>
[DomainEvent("billing.service-suspended")]
public sealed record ServiceSuspended(Guid ServiceId, Guid OrganizationId, string ProductType, string? Reason) : IDomainEvent;

/// <summary>A suspended service works again (paid, or released by an operator).</summary>
[DomainEvent("billing.service-reactivated")]
public sealed record ServiceReactivated(Guid ServiceId, Guid OrganizationId, string ProductType) : IDomainEvent;

/// <summary>A service ended for good; the module removes or closes what it made.</summary>
[DomainEvent("billing.service-terminated")]
public sealed record ServiceTerminated(Guid ServiceId, Guid OrganizationId, string ProductType, string? Reason) : IDomainEvent;
