using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Domain;

/// <summary>
/// The current tenant's provider secrets: from the platform's configuration when the operator keeps them there
/// (<c>Billing:Providers:Tenants:{tenant}</c>, user secrets or environment), otherwise from the tenant's settings,
/// where they are stored protected with the tenant's data-protection purpose.
/// </summary>
public sealed class ProviderKeys(TenantContext tenant, IOptions<BillingProviderOptions> options, IDataProtectionProvider protection)
{
    public const string Purpose = "Sportello.Billing.ProviderKeys";

    private BillingSettings Settings => tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId);

    private TenantProviderSecrets? Configured =>
        options.Value.Tenants.TryGetValue(tenant.Tenant.Name, out var secrets) ? secrets : null;

    public string? StripeSecretKey => Configured?.StripeSecretKey ?? Unprotect(Settings.Stripe.ProtectedSecretKey);

    public string? StripeWebhookSecret => Configured?.StripeWebhookSecret ?? Unprotect(Settings.Stripe.ProtectedWebhookSecret);

    public string? PayPalClientSecret => Configured?.PayPalClientSecret ?? Unprotect(Settings.PayPal.ProtectedClientSecret);

    /// <summary>Keys the platform configured for the tenant switch the provider on; keys in the settings wait for "enabled".</summary>
    public bool StripeReady => StripeSecretKey is not null && (Settings.Stripe.Enabled || Configured?.StripeSecretKey is not null);

    public string? PayPalClientId => Configured?.PayPalClientId ?? Settings.PayPal.ClientId;

    public string? PayPalWebhookId => Configured?.PayPalWebhookId ?? Settings.PayPal.WebhookId;

    public bool PayPalReady => PayPalClientId is not null && PayPalClientSecret is not null && (Settings.PayPal.Enabled || Configured?.PayPalClientSecret is not null);

    /// <summary>The platform holds the tenant's PayPal keys: the settings page need not have them.</summary>
    public bool PayPalConfigured => Configured?.PayPalClientSecret is not null && Configured.PayPalClientId is not null;

    public string Protect(string secret) => protection.CreateProtector(Purpose).Protect(secret);

    private string? Unprotect(string? protectedValue) =>
        string.IsNullOrEmpty(protectedValue) ? null : protection.CreateProtector(Purpose).Unprotect(protectedValue);
}
