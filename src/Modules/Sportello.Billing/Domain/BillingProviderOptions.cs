namespace Sportello.Billing.Domain;

/// <summary>
/// <c>Billing:Providers</c>: where the providers answer (tests point both at loopback fakes) and, optionally, each
/// tenant's secrets kept in configuration rather than in the tenant's settings.
/// </summary>
public sealed class BillingProviderOptions
{
    public const string Section = "Billing:Providers";

    public Uri StripeApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>PayPal's live API; its sandbox is <c>https://api-m.sandbox.paypal.com</c>.</summary>
    public Uri PayPalApiBase { get; set; } = new("https://api-m.paypal.com");

    /// <summary>How old a signed Stripe notification may be (Stripe's own libraries default to five minutes).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where the providers' hosted pages live: the order page's forms may lead there (CSP <c>form-action</c>), and
    /// to the API bases' origins.
    /// </summary>
    public List<Uri> CheckoutOrigins { get; set; } = [new("https://checkout.stripe.com"), new("https://www.paypal.com"), new("https://www.sandbox.paypal.com")];

    /// <summary>How long one call to a provider may take before it is tried again (three tries at most).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<Uri> FormTargets => CheckoutOrigins.Append(StripeApiBase).Append(PayPalApiBase);

    public Dictionary<string, TenantProviderSecrets> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class TenantProviderSecrets
{
    public string? StripeSecretKey { get; set; }

    public string? StripeWebhookSecret { get; set; }

    public string? PayPalClientId { get; set; }

    public string? PayPalClientSecret { get; set; }

    public string? PayPalWebhookId { get; set; }
}
