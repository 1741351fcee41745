namespace Sportello.Billing.Domain;

public enum EventOutcome
{
    /// <summary>It moved an attempt or an order.</summary>
    Applied,

    /// <summary>Understood, nothing to do (already applied another way, or a type Billing does not act on).</summary>
    Ignored,

    /// <summary>Money arrived for an order that can no longer take it (cancelled, expired, already paid): an operator refunds.</summary>
    NeedsAttention,
}

/// <summary>
/// The inbox of provider notifications: one row per provider event id, written in the transaction that applies
/// it, so a replayed or duplicated delivery finds its row and changes nothing. Operators read it with its outcome.
/// </summary>
public sealed class ProviderEvent
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public PaymentProvider Provider { get; init; }

    public required string EventId { get; init; }

    public required string Type { get; init; }

    public DateTime ReceivedUtc { get; init; }

    public EventOutcome Outcome { get; init; }

    public string? Detail { get; init; }

    public Guid? OrderId { get; init; }

    public string? OrderNumber { get; init; }
}
