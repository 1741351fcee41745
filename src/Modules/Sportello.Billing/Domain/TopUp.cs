namespace Sportello.Billing.Domain;

/// <summary>
/// A top-up of the prepaid balance is an order of kind <see cref="OrderKind.TopUp"/> with one line of this type: money
/// on account, outside the scope of VAT until it is spent on a service, whose invoice carries the VAT.
/// </summary>
public static class TopUp
{
    public const string ProductType = "billing.ricarica";
    public const string Product = "ricarica";
    public const string VatNature = "N2.2";
}
