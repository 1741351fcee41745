using Sportello.Core.Text;

namespace Sportello.Billing;

/// <summary>
/// The generic product Billing ships, "servizio": a service with a yearly or monthly period, or a one-off, so a tenant
/// sells simple services (assistance, set-up) before any product module exists. It needs no line data.
/// </summary>
public static class BillingProducts
{
    public const string ServizioCode = "billing.servizio";

    public static ProductType Servizio { get; } = new(
        ServizioCode,
        "billing",
        new LocalizedText("Servizio", "Service"),
        ProductYield.Service,
        Renews: true,
        [Term.Years(1), Term.Years(2), Term.Years(3), Term.Monthly, Term.OneOff]);
}
