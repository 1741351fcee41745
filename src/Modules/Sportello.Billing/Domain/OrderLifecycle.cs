using Sportello.Core.Lifecycles;
using Sportello.Core.Text;
using Stateless;

namespace Sportello.Billing.Domain;

public enum OrderTrigger
{
    Pay,
    Provision,
    Complete,
    Cancel,
    Expire,
    Hold,
    Release,
}

/// <summary>
/// Pending payment → paid → in provisioning → completed; a pending order may be cancelled, expire unpaid or be held
/// for review (released back to pending, or cancelled). Nothing leaves completed, cancelled or expired.
/// </summary>
public sealed class OrderLifecycle : Lifecycle<OrderStatus, OrderTrigger>
{
    public static OrderLifecycle Instance { get; } = new();

    protected override void Configure(StateMachine<OrderStatus, OrderTrigger> machine)
    {
        machine.Configure(OrderStatus.PendingPayment)
            .Permit(OrderTrigger.Pay, OrderStatus.Paid)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled)
            .Permit(OrderTrigger.Expire, OrderStatus.Expired)
            .Permit(OrderTrigger.Hold, OrderStatus.HeldForReview);
        machine.Configure(OrderStatus.HeldForReview)
            .Permit(OrderTrigger.Release, OrderStatus.PendingPayment)
            .Permit(OrderTrigger.Cancel, OrderStatus.Cancelled);
        machine.Configure(OrderStatus.Paid)
            .Permit(OrderTrigger.Provision, OrderStatus.InProvisioning)
            .Permit(OrderTrigger.Complete, OrderStatus.Completed);
        machine.Configure(OrderStatus.InProvisioning)
            .Permit(OrderTrigger.Complete, OrderStatus.Completed);
    }

    protected override LocalizedText Refusal(OrderStatus state, OrderTrigger trigger) => state switch
    {
        OrderStatus.PendingPayment => new("L'ordine è in attesa di pagamento.", "The order is waiting for payment."),
        OrderStatus.HeldForReview => new("L'ordine è sospeso per una verifica: non si può pagare finché non viene rilasciato.", "The order is held for review: it cannot be paid until it is released."),
        OrderStatus.Paid or OrderStatus.InProvisioning => new("L'ordine è già pagato.", "The order is already paid."),
        OrderStatus.Completed => new("L'ordine è già completato.", "The order is already completed."),
        OrderStatus.Cancelled => new("L'ordine è stato annullato.", "The order was cancelled."),
        _ => new("L'ordine è scaduto senza pagamento: creane uno nuovo.", "The order expired unpaid: place a new one."),
    };
}
