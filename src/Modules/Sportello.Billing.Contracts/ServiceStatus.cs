namespace Sportello.Billing;

/// <summary>Where a service an organization bought is in its life.</summary>
public enum ServiceStatus
{
    /// <summary>Paid; the module has not made it work yet (or reported a failure operators must look at).</summary>
    ToActivate,
    Active,

    /// <summary>Blocked ("bloccato"): unpaid past its expiry, or stopped by an operator; paying reactivates it.</summary>
    Suspended,

    /// <summary>Ended for good ("rescisso").</summary>
    Terminated,

    /// <summary>Its order was cancelled before it ever worked.</summary>
    Cancelled,
}
