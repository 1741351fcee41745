namespace Sportello.Core.Events;

/// <summary>Every handler the modules declared, by event type.</summary>
public sealed class EventHandlers
{
    private readonly ILookup<Type, EventHandlerDescriptor> _byEvent;

    public EventHandlers(IEnumerable<EventHandlerDescriptor> descriptors)
    {
        var all = descriptors.ToList();
        var twice = all.GroupBy(d => (d.EventType, d.Name)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"Two handlers of {twice.Key.EventType.Name} are named '{twice.Key.Name}': deliveries are recorded by name.");
        }

        _byEvent = all.ToLookup(d => d.EventType);
    }

    public IEnumerable<EventHandlerDescriptor> Of(Type eventType) => _byEvent[eventType];
}
