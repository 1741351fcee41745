namespace Sportello.Billing;

/// <summary>Why an order was made; it is printed on the order and decides how its paid lines act on services.</summary>
public enum OrderKind
{
    /// <summary>A new purchase: each paid service line creates a service.</summary>
    FirstPurchase,

    /// <summary>Extends services from their current expiry.</summary>
    Renewal,

    /// <summary>Changes what an existing service includes, for the rest of its period.</summary>
    Upgrade,

    /// <summary>Adds to the organization's prepaid balance.</summary>
    TopUp,
}
