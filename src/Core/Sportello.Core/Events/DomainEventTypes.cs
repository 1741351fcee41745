using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Sportello.Core.Events;

/// <summary>
/// Maps stored event names to types and to a compiled call of their handlers. An event is stored under its
/// type's full name; renaming an event type therefore needs a migration of pending outbox rows.
/// </summary>
public static class DomainEventTypes
{
    private static readonly ConcurrentDictionary<string, (Type Type, Func<IServiceProvider, object, CancellationToken, Task> Invoke)> Known = new();

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public static void Register<TEvent>() where TEvent : IDomainEvent =>
        Known.TryAdd(NameOf(typeof(TEvent)), (typeof(TEvent), InvokeHandlers<TEvent>));

    /// <summary>Whether the stored event is an <see cref="IBackgroundEvent"/>; unknown names are not.</summary>
    internal static bool IsBackground(string name) =>
        Known.TryGetValue(name, out var entry) && typeof(IBackgroundEvent).IsAssignableFrom(entry.Type);

    internal static bool TryFind(string name, out Type type, out Func<IServiceProvider, object, CancellationToken, Task> invoke)
    {
        if (Known.TryGetValue(name, out var entry))
        {
            (type, invoke) = entry;
            return true;
        }

        type = typeof(object);
        invoke = (_, _, _) => Task.CompletedTask;
        return false;
    }

    private static async Task InvokeHandlers<TEvent>(IServiceProvider services, object domainEvent, CancellationToken ct)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, ct);
        }
    }
}
