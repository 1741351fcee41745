using Microsoft.Extensions.DependencyInjection;

namespace Sportello.Core.Events;

/// <summary>
/// One handler of one event, declared by a module: run only for tenants where <see cref="ModuleId"/> is enabled
/// (always, for the kernel's own), its deliveries recorded under <see cref="Name"/>.
/// </summary>
public sealed class EventHandlerDescriptor
{
    private EventHandlerDescriptor(Type eventType, Type handlerType, string? moduleId, string name,
        Func<IServiceProvider, object, EventContext, CancellationToken, Task> invoke)
    {
        EventType = eventType;
        HandlerType = handlerType;
        ModuleId = moduleId;
        Name = name;
        Invoke = invoke;
    }

    public Type EventType { get; }

    public Type HandlerType { get; }

    public string? ModuleId { get; }

    /// <summary>Stable too: a delivery is recorded under it, so renaming the class would deliver pending messages again.</summary>
    public string Name { get; }

    internal Func<IServiceProvider, object, EventContext, CancellationToken, Task> Invoke { get; }

    public static EventHandlerDescriptor For<TEvent, THandler>(string? moduleId, string? name = null)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent> =>
        new(typeof(TEvent), typeof(THandler), moduleId, name ?? $"{moduleId ?? "kernel"}.{typeof(THandler).Name}",
            (services, domainEvent, context, ct) => services.GetRequiredService<THandler>().HandleAsync((TEvent)domainEvent, context, ct));
}
