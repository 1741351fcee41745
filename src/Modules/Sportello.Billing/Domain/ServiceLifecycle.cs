using Sportello.Core.Lifecycles;
using Sportello.Core.Text;
using Stateless;

namespace Sportello.Billing.Domain;

public enum ServiceTrigger
{
    Activate,
    Suspend,
    Reactivate,
    Terminate,
    Cancel,
}

/// <summary>To activate → active ⇄ suspended → terminated; a service never activated may be cancelled.</summary>
public sealed class ServiceLifecycle : Lifecycle<ServiceStatus, ServiceTrigger>
{
    public static ServiceLifecycle Instance { get; } = new();

    protected override void Configure(StateMachine<ServiceStatus, ServiceTrigger> machine)
    {
        machine.Configure(ServiceStatus.ToActivate)
            .Permit(ServiceTrigger.Activate, ServiceStatus.Active)
            .Permit(ServiceTrigger.Cancel, ServiceStatus.Cancelled);
        machine.Configure(ServiceStatus.Active)
            .Permit(ServiceTrigger.Suspend, ServiceStatus.Suspended)
            .Permit(ServiceTrigger.Terminate, ServiceStatus.Terminated);
        machine.Configure(ServiceStatus.Suspended)
            .Permit(ServiceTrigger.Reactivate, ServiceStatus.Active)
            .Permit(ServiceTrigger.Terminate, ServiceStatus.Terminated);
    }

    protected override LocalizedText Refusal(ServiceStatus state, ServiceTrigger trigger) => state switch
    {
        ServiceStatus.ToActivate => new("Il servizio non è ancora attivo.", "The service is not active yet."),
        ServiceStatus.Active => new("Il servizio è già attivo.", "The service is already active."),
        ServiceStatus.Suspended => new("Il servizio è sospeso.", "The service is suspended."),
        ServiceStatus.Terminated => new("Il servizio è cessato.", "The service has ended."),
        _ => new("Il servizio è stato annullato.", "The service was cancelled."),
    };
}
