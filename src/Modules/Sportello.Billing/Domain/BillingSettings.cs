namespace Sportello.Billing.Domain;

/// <summary>The tenant's billing rules and the legal data its documents carry, set by recipe or in the back office.</summary>
public sealed record BillingSettings
{
    /// <summary>An order unpaid this many days after it was placed expires.</summary>
    public int PendingDays { get; init; } = 30;

    /// <summary>A service expiring within this many months is shown in red with "Rinnova".</summary>
    public int RenewalWindowMonths { get; init; } = 3;

    /// <summary>Who issues the documents: the reseller's legal data, printed on every pro-forma and invoice.</summary>
    public BillingProfile Profile { get; init; } = new();
}

/// <param name="RegimeFiscale">The FatturaPA code of the issuer's tax regime: RF01 ordinary, RF19 flat-rate.</param>
/// <param name="Iban">Where customers pay by bank transfer; printed on the pro-forma.</param>
public sealed record BillingProfile(
    string LegalName = "",
    string PartitaIva = "",
    string Address = "",
    string Rea = "",
    string Iban = "",
    string RegimeFiscale = "RF01");
