namespace Sportello.Core.Events;

/// <summary>
/// Something that happened in a tenant, recorded in its outbox with the change that caused it. Give every event a
/// stable name with <see cref="DomainEventAttribute"/>: the outbox stores the name, not the CLR type.
/// </summary>
public interface IDomainEvent;

/// <summary>
/// An event whose handlers run after the request has answered rather than before: what they do (sending a
/// message, say) then takes no time a visitor could measure to learn, for example, whether an address has an account.
/// </summary>
public interface IBackgroundEvent : IDomainEvent;

/// <summary>Which stored message a handler is given, so it can recognise one it has already acted on.</summary>
public sealed record EventContext(Guid MessageId, DateTime OccurredUtc, string TenantName);

/// <summary>
/// Reacts to an event after the change that raised it was committed, for tenants where the handler's module is
/// enabled. Delivery is at least once, and recorded per handler: after a crash a handler may see the same message
/// again (same <see cref="EventContext.MessageId"/>), so it must be safe to repeat; another handler failing never
/// makes it run twice.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, EventContext context, CancellationToken ct);
}
