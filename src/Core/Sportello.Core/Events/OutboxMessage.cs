namespace Sportello.Core.Events;

/// <summary>An event waiting in a tenant's store to be handed to its handlers.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTime OccurredUtc { get; set; }
    public DateTime? DispatchedUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptUtc { get; set; }

    /// <summary>Set while one dispatcher works on the message, so two never handle it at once.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>Set when delivery failed too often; the message is kept for inspection and no longer retried.</summary>
    public DateTime? GaveUpUtc { get; set; }

    public string? LastError { get; set; }
}
