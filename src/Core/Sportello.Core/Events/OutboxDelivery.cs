namespace Sportello.Core.Events;

/// <summary>A handler finished with a message: it is never given that message again, whatever happens to the others.</summary>
public sealed class OutboxDelivery
{
    public Guid MessageId { get; set; }

    public required string Handler { get; set; }

    public DateTime DeliveredUtc { get; set; }
}
