namespace Sportello.Billing.Domain;

/// <summary>
/// A convenzione: a named agreement (with a professional order, an association, a public body) whose organizations
/// buy at its own prices. An order placed under it says so.
/// </summary>
public sealed class Agreement
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Code { get; init; }

    public required string Name { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>An organization attached to an agreement.</summary>
public sealed class AgreementMember
{
    public Guid AgreementId { get; init; }

    public Guid OrganizationId { get; init; }

    public DateTime AttachedUtc { get; init; }
}
