namespace Sportello.Core.Events;

/// <summary>Something that happened in a tenant, recorded in its outbox with the change that caused it.</summary>
public interface IDomainEvent;

/// <summary>
/// An event whose handlers run after the request has answered rather than before: what they do (sending a
/// message, say) then takes no time a visitor could measure to learn, for example, whether an address has an account.
/// </summary>
public interface IBackgroundEvent : IDomainEvent;

/// <summary>
/// Reacts to an event after the change that raised it was committed. Delivery is at least once:
/// a handler may see the same event again after a crash, so it must be safe to repeat.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}
