using Sportello.Core.Lifecycles;
using Sportello.Core.Text;
using Stateless;

namespace Sportello.Organizations.Domain;

/// <summary>An application is approved or rejected; an approved partnership can end; a rejected or ended one can apply again.</summary>
public sealed class PartnerLifecycle : Lifecycle<PartnerStatus, PartnerTrigger>
{
    public static PartnerLifecycle Instance { get; } = new();

    protected override void Configure(StateMachine<PartnerStatus, PartnerTrigger> machine)
    {
        machine.Configure(PartnerStatus.Applied).Permit(PartnerTrigger.Approve, PartnerStatus.Approved).Permit(PartnerTrigger.Reject, PartnerStatus.Rejected);
        machine.Configure(PartnerStatus.Approved).Permit(PartnerTrigger.End, PartnerStatus.Ended);
        machine.Configure(PartnerStatus.Rejected).Permit(PartnerTrigger.Reapply, PartnerStatus.Applied);
        machine.Configure(PartnerStatus.Ended).Permit(PartnerTrigger.Reapply, PartnerStatus.Applied);
    }

    protected override LocalizedText Refusal(PartnerStatus state, PartnerTrigger trigger) => state switch
    {
        PartnerStatus.Applied => new("La domanda è ancora in esame.", "The application is still being reviewed."),
        PartnerStatus.Approved => new("L'organizzazione è già partner.", "The organization is already a partner."),
        PartnerStatus.Rejected => new("La domanda è stata respinta: si può solo presentarne una nuova.", "The application was rejected: only a new one can be made."),
        _ => new("La collaborazione è terminata: si può solo presentare una nuova domanda.", "The partnership ended: only a new application can be made."),
    };
}
