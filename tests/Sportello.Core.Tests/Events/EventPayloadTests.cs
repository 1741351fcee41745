using System.Reflection;
using System.Text.Json;
using Sportello.Core.Events;

namespace Sportello.Core.Tests.Events;

/// <summary>
/// Every event any module raises reads back from its outbox payload, with every nullable value left null: an event
/// that cannot be read is never delivered, and that shows only when it is first raised in production.
/// </summary>
public sealed class EventPayloadTests
{
    [Fact]
    public void Every_event_of_every_module_reads_back_from_its_payload_with_its_nullable_values_null()
    {
        var root = AppContext.BaseDirectory;
        var events = Directory.GetFiles(root, "Sportello.*.dll")
            .Select(path => Assembly.LoadFrom(path))
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(IDomainEvent).IsAssignableFrom(t) && t.IsDefined(typeof(DomainEventAttribute)))
            .Distinct()
            .ToList();
        Assert.Contains(events, t => t.Name == "OrderPaid");

        foreach (var type in events)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var nullability = new NullabilityInfoContext();
            var values = constructor.GetParameters().Select(p => Sample(p, nullability)).ToArray();
            var payload = JsonSerializer.Serialize(constructor.Invoke(values), type, SportelloJson.Events);

            var read = Record.Exception(() => JsonSerializer.Deserialize(payload, type, SportelloJson.Events));
            Assert.True(read is null, $"{type.FullName} does not read back from {payload}: {read?.Message}");
        }
    }

    private static object? Sample(ParameterInfo parameter, NullabilityInfoContext nullability)
    {
        var type = parameter.ParameterType;
        if (nullability.Create(parameter).WriteState == NullabilityState.Nullable || Nullable.GetUnderlyingType(type) is not null)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return "x";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        }

        // A value with a converter of its own (a term) is made from one of its named values, as code would.
        return type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type)?.GetValue(null)
            ?? (type.IsValueType ? Activator.CreateInstance(type) : Activator.CreateInstance(type, nonPublic: true));
    }
}
