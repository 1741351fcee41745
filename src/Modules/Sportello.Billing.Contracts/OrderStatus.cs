namespace Sportello.Billing;

/// <summary>Where an order is in its lifecycle.</summary>
public enum OrderStatus
{
    PendingPayment,
    Paid,

    /// <summary>Paid, and the modules are creating what it bought.</summary>
    InProvisioning,
    Completed,
    Cancelled,

    /// <summary>Unpaid for longer than the tenant allows.</summary>
    Expired,

    /// <summary>Stopped for an operator's review before it can be paid or provisioned.</summary>
    HeldForReview,
}
