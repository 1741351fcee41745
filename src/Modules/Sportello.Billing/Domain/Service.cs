namespace Sportello.Billing.Domain;

/// <summary>What a paid line created for the organization: a period with its expiry, moved along <see cref="ServiceLifecycle"/>.</summary>
public sealed class Service
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrganizationId { get; init; }

    public required string Product { get; init; }

    public required string ProductType { get; init; }

    public required string Description { get; init; }

    public ServiceStatus Status { get; set; }

    public DateOnly Starts { get; init; }

    /// <summary>Null for a one-off service, which never expires.</summary>
    public DateOnly? Expires { get; set; }

    /// <summary>The term renewals extend by (the one first bought).</summary>
    public required string Term { get; init; }

    public bool AutoRenew { get; set; }

    public Guid OrderId { get; init; }

    /// <summary>The module's id for what it made (a mailbox address), once active.</summary>
    public string? Reference { get; set; }

    /// <summary>Why the module could not activate it, until it does.</summary>
    public string? Failure { get; set; }

    public int Version { get; set; }
}

/// <summary>A paid renewal of a service: the order and the expiry before and after.</summary>
public sealed class ServiceRenewal
{
    public Guid ServiceId { get; init; }

    public Guid OrderId { get; init; }

    public DateOnly? FormerExpiry { get; init; }

    public DateOnly? Expires { get; init; }

    public DateTime RenewedUtc { get; init; }
}
