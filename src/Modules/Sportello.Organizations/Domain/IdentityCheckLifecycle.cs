using Sportello.Core.Lifecycles;
using Sportello.Core.Text;
using Stateless;

namespace Sportello.Organizations.Domain;

/// <summary>The user submits; an operator approves what was submitted, asks again, or rejects at any point before a decision.</summary>
public sealed class IdentityCheckLifecycle : Lifecycle<IdentityCheckStatus, IdentityCheckTrigger>
{
    public static IdentityCheckLifecycle Instance { get; } = new();

    protected override void Configure(StateMachine<IdentityCheckStatus, IdentityCheckTrigger> machine)
    {
        machine.Configure(IdentityCheckStatus.Open).Permit(IdentityCheckTrigger.Submit, IdentityCheckStatus.Submitted).Permit(IdentityCheckTrigger.Reject, IdentityCheckStatus.Rejected);
        machine.Configure(IdentityCheckStatus.Submitted)
            .Permit(IdentityCheckTrigger.Approve, IdentityCheckStatus.Approved)
            .Permit(IdentityCheckTrigger.Reject, IdentityCheckStatus.Rejected)
            .Permit(IdentityCheckTrigger.AskAgain, IdentityCheckStatus.Open);
    }

    protected override LocalizedText Refusal(IdentityCheckStatus state, IdentityCheckTrigger trigger) => state switch
    {
        IdentityCheckStatus.Open => new("La verifica aspetta ancora i documenti dell'utente.", "The check is still waiting for the user's documents."),
        IdentityCheckStatus.Submitted => new("I documenti sono già stati inviati e aspettano l'esame.", "The documents were already sent and wait for review."),
        _ => new("La verifica è già stata decisa.", "The check has already been decided."),
    };
}
