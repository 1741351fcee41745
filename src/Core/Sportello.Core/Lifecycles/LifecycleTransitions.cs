using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;

namespace Sportello.Core.Lifecycles;

/// <summary>
/// Moves an entity along its lifecycle: checks the trigger, writes the new state and an audit entry with the reason
/// to the same context, so both are saved by the caller's SaveChanges in one transaction, or neither.
/// </summary>
public sealed class LifecycleTransitions(IAuditLog audit)
{
    /// <summary>
    /// Fires <paramref name="trigger"/>; the audit action is <c>{subject.Action}</c> as given (the module's id and the
    /// subject, <c>billing.order</c>) followed by the trigger in lower case: <c>billing.order.pay</c>.
    /// </summary>
    public TState Apply<TState, TTrigger>(
        DbContext db,
        Lifecycle<TState, TTrigger> lifecycle,
        TState current,
        Action<TState> store,
        TTrigger trigger,
        AuditRecord subject,
        string? reason = null)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var next = lifecycle.Next(current, trigger);
        store(next);
        var details = new Dictionary<string, object?>(subject.Details ?? new Dictionary<string, object?>())
        {
            ["from"] = current.ToString(),
            ["to"] = next.ToString(),
        };
        if (reason is not null)
        {
            details["reason"] = reason;
        }

        audit.Add(db, subject with { Action = $"{subject.Action}.{Kebab(trigger.ToString())}", Details = details });
        return next;
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
