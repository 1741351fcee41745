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

    /// <summary>Card and TWINT through Stripe Checkout; off until the tenant sets its keys.</summary>
    public StripeSettings Stripe { get; init; } = new();

    public PayPalSettings PayPal { get; init; } = new();
}

/// <summary>
/// The tenant's Stripe account. Keys are protected with the tenant's data-protection purpose (or come from the
/// platform's configuration, see <c>BillingProviderOptions</c>) and never travel in an export.
/// </summary>
public sealed record StripeSettings
{
    public bool Enabled { get; init; }

    public string? ProtectedSecretKey { get; init; }

    public string? ProtectedWebhookSecret { get; init; }
}

public sealed record PayPalSettings
{
    public bool Enabled { get; init; }

    public string? ClientId { get; init; }

    public string? ProtectedClientSecret { get; init; }

    /// <summary>The id PayPal gave the webhook pointing at this tenant; its verification call needs it.</summary>
    public string? WebhookId { get; init; }
}

/// <param name="Address">The street and number; with <paramref name="Cap"/>, <paramref name="City"/> and <paramref name="Province"/> the seat e-invoices name.</param>
/// <param name="RegimeFiscale">The FatturaPA code of the issuer's tax regime: RF01 ordinary, RF19 flat-rate.</param>
/// <param name="Iban">Where customers pay by bank transfer; printed on the pro-forma.</param>
public sealed record BillingProfile(
    string LegalName = "",
    string PartitaIva = "",
    string Address = "",
    string Rea = "",
    string Iban = "",
    string RegimeFiscale = "RF01",
    string Cap = "",
    string City = "",
    string Province = "")
{
    /// <summary>
    /// An Italian seller with its partita IVA and seat: its invoices and credit notes get their FatturaPA XML, and its
    /// Italian business customers must give what an e-invoice needs before they order.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IssuesEInvoices => PartitaIva.Length > 0 && Address.Length > 0 && Cap.Length > 0 && City.Length > 0;

    /// <summary>The address as documents print it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string PrintedAddress => Cap.Length == 0 && City.Length == 0
        ? Address
        : $"{Address}, {Cap} {City}{(Province.Length > 0 ? $" ({Province})" : "")}".Trim(' ', ',');
}
