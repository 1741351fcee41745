using Sportello.Core.Events;

namespace Sportello.Billing.Domain;

/// <summary>A pro-forma or an invoice was issued: its e-mail goes to the organization's invoice contacts.</summary>
[DomainEvent("billing.document-issued")]
public sealed record DocumentIssued(Guid DocumentId) : IBackgroundEvent;
