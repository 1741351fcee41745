namespace Sportello.Billing.Domain;

public enum BalanceEntryKind
{
    TopUp,
    Payment,
    Refund,
    Adjustment,
    Cashback,
}

/// <summary>
/// One movement of an organization's prepaid balance; the balance is their sum, never a stored number. Entries are
/// only ever added.
/// </summary>
public sealed class BalanceEntry
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrganizationId { get; init; }

    public BalanceEntryKind Kind { get; init; }

    /// <summary>Positive credits the balance, negative spends it.</summary>
    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public DateTime OccurredUtc { get; init; }

    public Guid? OrderId { get; init; }

    public string? OrderNumber { get; init; }

    /// <summary>An adjustment's reason, written by the operator.</summary>
    public string? Reason { get; init; }

    public string? ByUserId { get; init; }
}

/// <summary>
/// One row per organization that has a balance, whose version every movement raises: two payments from the same
/// balance at once cannot both commit, so it never goes below zero.
/// </summary>
public sealed class BalanceAccount
{
    public Guid OrganizationId { get; init; }

    public int Version { get; set; }
}
