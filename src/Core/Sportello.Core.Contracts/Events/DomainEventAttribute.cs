namespace Sportello.Core.Events;

/// <summary>
/// The stable name an event is stored under (<c>billing.order-paid</c>: the module's id, a dot, what happened), so
/// renaming the class or moving its namespace loses nothing waiting in an outbox. Names are for ever: to rename an
/// event, keep the old name in <see cref="FormerNames"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DomainEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public string[] FormerNames { get; init; } = [];
}
