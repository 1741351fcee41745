using Sportello.Core.Text;
using Stateless;

namespace Sportello.Core.Lifecycles;

/// <summary>
/// A product's lifecycle (order, service, credential, alias, mailbox) as an explicit state machine: named triggers,
/// guards that say in words why they refuse, and a refusal message for every trigger a state does not take. A module
/// subclasses it once per lifecycle, configures the transitions in <see cref="Configure"/>, and moves an entity with
/// <c>LifecycleTransitions.Apply</c>, which persists the new state and audits the move in the caller's transaction.
/// </summary>
public abstract class Lifecycle<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<string, LocalizedText> _guards = new(StringComparer.Ordinal);

    /// <summary>Declares the transitions on a machine bound to one entity's state.</summary>
    protected abstract void Configure(StateMachine<TState, TTrigger> machine);

    /// <summary>Why <paramref name="trigger"/> cannot happen in <paramref name="state"/> ("l'ordine è già pagato").</summary>
    protected abstract LocalizedText Refusal(TState state, TTrigger trigger);

    /// <summary>A guard with its refusal in words, for <c>PermitIf(trigger, state, guard.Check, guard.Description)</c>.</summary>
    protected Guard When(Func<bool> check, string italian, string english)
    {
        _guards[italian] = new LocalizedText(italian, english);
        return new Guard(check, italian);
    }

    /// <summary>The triggers the state takes now, guards included: what a page may offer.</summary>
    public IReadOnlyList<TTrigger> Permitted(TState state)
    {
        var machine = Machine(state);
        return Enum.GetValues<TTrigger>().Where(t => machine.CanFire(t)).ToList();
    }

    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="state"/>, or why it is refused.</summary>
    public TState Next(TState state, TTrigger trigger)
    {
        var machine = Machine(state);
        if (!machine.CanFire(trigger, out var unmet))
        {
            // Stateless names no unmet guard (null) when the state does not take the trigger at all.
            var reason = (unmet ?? []).Select(d => _guards.GetValueOrDefault(d)).FirstOrDefault(t => t is not null) ?? Refusal(state, trigger);
            throw new LifecycleRefusedException(state.ToString(), trigger.ToString(), reason);
        }

        machine.Fire(trigger);
        return machine.State;
    }

    private StateMachine<TState, TTrigger> Machine(TState state)
    {
        var current = state;
        var machine = new StateMachine<TState, TTrigger>(() => current, s => current = s, FiringMode.Immediate);
        Configure(machine);
        return machine;
    }

    /// <summary>A guard's check and the key of its message.</summary>
    public readonly record struct Guard(Func<bool> Check, string Description);
}

/// <summary>A trigger the entity's state does not take; <see cref="Reason"/> says why, for the person who asked.</summary>
public sealed class LifecycleRefusedException(string state, string trigger, LocalizedText reason)
    : InvalidOperationException($"'{trigger}' refused in state '{state}': {reason.English}")
{
    public string State { get; } = state;

    public string Trigger { get; } = trigger;

    public LocalizedText Reason { get; } = reason;
}
