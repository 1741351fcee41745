using Sportello.Core.Events;

namespace Sportello.Organizations;

/// <summary>An organization was created, with its first legal representative.</summary>
[DomainEvent("organizations.created")]
public sealed record OrganizationCreated(Guid OrganizationId, string Name, string LegalRepresentativeUserId) : IDomainEvent;

/// <summary>An organization's legal or contact data changed (billing reads the new data from the contract when it invoices).</summary>
[DomainEvent("organizations.changed")]
public sealed record OrganizationChanged(Guid OrganizationId, string Name) : IDomainEvent;
