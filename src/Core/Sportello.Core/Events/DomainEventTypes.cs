using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Sportello.Core.Events;

/// <summary>
/// Maps event types to the stable names they are stored under (<see cref="DomainEventAttribute"/>) and back. Stored
/// rows written before an event had a stable name carry its CLR name, which is kept as one of its former names.
/// </summary>
public static partial class DomainEventTypes
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$")]
    private static partial Regex NamePattern();

    /// <summary>The name an event of <paramref name="type"/> is stored under; a type without one is refused.</summary>
    public static string NameOf(Type type) => Names.GetOrAdd(type, static t =>
    {
        var attribute = t.GetCustomAttribute<DomainEventAttribute>()
            ?? throw new InvalidOperationException($"Event {t.FullName} has no [DomainEvent(\"module.what-happened\")] name.");
        return NamePattern().IsMatch(attribute.Name)
            ? attribute.Name
            : throw new InvalidOperationException($"Event name '{attribute.Name}' of {t.FullName} is not 'module.what-happened' in lower case.");
    });

    /// <summary>Makes an event type known to the outbox under its name, its former names and its CLR name.</summary>
    public static void Register(Type type)
    {
        var name = NameOf(type);
        var attribute = type.GetCustomAttribute<DomainEventAttribute>()!;
        foreach (var known in attribute.FormerNames.Append(name).Append(type.FullName ?? type.Name))
        {
            var existing = Types.GetOrAdd(known, type);
            if (existing != type)
            {
                throw new InvalidOperationException($"Event name '{known}' is claimed by both {existing.FullName} and {type.FullName}.");
            }
        }
    }

    internal static Type? Find(string name) => Types.TryGetValue(name, out var type) ? type : null;

    /// <summary>Whether the stored event is an <see cref="IBackgroundEvent"/>; unknown names are not.</summary>
    internal static bool IsBackground(string name) => Find(name) is { } type && typeof(IBackgroundEvent).IsAssignableFrom(type);
}
