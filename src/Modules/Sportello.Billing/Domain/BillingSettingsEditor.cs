using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Billing.Domain;

/// <summary>The billing settings as the back office's form sends them; an empty secret keeps the one already saved.</summary>
public sealed record BillingSettingsForm(
    int PendingDays,
    int RenewalWindowMonths,
    string? LegalName,
    string? PartitaIva,
    string? Address,
    string? Rea,
    string? Iban,
    string? RegimeFiscale,
    bool StripeEnabled,
    string? StripeSecretKey,
    string? StripeWebhookSecret,
    bool PayPalEnabled,
    string? PayPalClientId,
    string? PayPalClientSecret,
    string? PayPalWebhookId,
    string? Cap = null,
    string? City = null,
    string? Province = null);

/// <summary>
/// Checks and saves the tenant's billing settings: the rules, the legal data documents print (partita IVA and IBAN
/// checked as such), and the providers' keys, protected with the tenant's purpose before they are stored. A provider
/// is switched on only with every key it needs.
/// </summary>
public sealed class BillingSettingsEditor(TenantContext tenant, TenantService tenants, ProviderKeys keys)
{
    /// <summary>The tax regimes a reseller of these services is likely to have (FatturaPA codes).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Regimes =
    [
        ("RF01", "Ordinario"),
        ("RF02", "Contribuenti minimi"),
        ("RF04", "Agricoltura e attività connesse e pesca"),
        ("RF18", "Altro"),
        ("RF19", "Forfettario"),
    ];

    public BillingSettings Current => tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId);

    public async Task<BillingSettings> SaveAsync(BillingSettingsForm form, CancellationToken ct)
    {
        var problems = new List<ValidationProblem>();
        if (form.PendingDays is < 1 or > 365)
        {
            problems.Add(new(nameof(form.PendingDays), BillingText.Of("I giorni per pagare vanno da 1 a 365.", "The days to pay go from 1 to 365.")));
        }

        if (form.RenewalWindowMonths is < 1 or > 12)
        {
            problems.Add(new(nameof(form.RenewalWindowMonths), BillingText.Of("I mesi di preavviso vanno da 1 a 12.", "The months of notice go from 1 to 12.")));
        }

        var legalName = Text(form.LegalName, 200, nameof(form.LegalName), problems, BillingText.Of("La ragione sociale ha al massimo 200 caratteri.", "The legal name has at most 200 characters."));
        var address = Text(form.Address, 300, nameof(form.Address), problems, BillingText.Of("L'indirizzo ha al massimo 300 caratteri.", "The address has at most 300 characters."));
        var cap = Shaped(form.Cap, c => c.Length == 5 && c.All(char.IsAsciiDigit), nameof(form.Cap), problems, BillingText.Of("Il CAP ha 5 cifre.", "The postcode has 5 digits."));
        var city = Text(form.City, 60, nameof(form.City), problems, BillingText.Of("Il comune ha al massimo 60 caratteri.", "The town has at most 60 characters."));
        var province = Shaped(form.Province?.ToUpperInvariant(), p => p.Length == 2 && p.All(char.IsAsciiLetter), nameof(form.Province), problems,
            BillingText.Of("La provincia è la sigla di 2 lettere (NA).", "The province is its 2-letter code (NA)."));

        var rea = Text(form.Rea, 40, nameof(form.Rea), problems, BillingText.Of("Il numero REA ha al massimo 40 caratteri.", "The REA number has at most 40 characters."));
        var partitaIva = Checked(form.PartitaIva, PartitaIva.Validate, nameof(form.PartitaIva), problems);
        var iban = Checked(form.Iban, Iban.Validate, nameof(form.Iban), problems);
        if (Regimes.All(r => r.Code != form.RegimeFiscale))
        {
            problems.Add(new(nameof(form.RegimeFiscale), BillingText.Of("Scegli il regime fiscale dall'elenco.", "Choose the tax regime from the list.")));
        }

        var current = Current;
        var stripeKey = Secret(form.StripeSecretKey, ["sk_", "rk_"], nameof(form.StripeSecretKey), problems,
            BillingText.Of("La chiave segreta di Stripe comincia con sk_ (o rk_ se limitata).", "Stripe's secret key starts with sk_ (or rk_ when restricted)."));
        var stripeHook = Secret(form.StripeWebhookSecret, ["whsec_"], nameof(form.StripeWebhookSecret), problems,
            BillingText.Of("Il segreto di firma dei webhook di Stripe comincia con whsec_.", "Stripe's webhook signing secret starts with whsec_."));
        var payPalSecret = Secret(form.PayPalClientSecret, [""], nameof(form.PayPalClientSecret), problems, BillingText.Of("", ""));
        var payPalClient = Text(form.PayPalClientId, 200, nameof(form.PayPalClientId), problems, BillingText.Of("Il Client ID di PayPal ha al massimo 200 caratteri.", "PayPal's client ID has at most 200 characters."));
        var payPalHook = Text(form.PayPalWebhookId, 100, nameof(form.PayPalWebhookId), problems, BillingText.Of("Il Webhook ID di PayPal ha al massimo 100 caratteri.", "PayPal's webhook ID has at most 100 characters."));

        if (form.StripeEnabled && (stripeKey ?? current.Stripe.ProtectedSecretKey) is null && keys.StripeSecretKey is null)
        {
            problems.Add(new(nameof(form.StripeSecretKey), BillingText.Of("Per attivare Stripe serve la chiave segreta.", "Stripe needs its secret key to be switched on.")));
        }

        if (form.StripeEnabled && (stripeHook ?? current.Stripe.ProtectedWebhookSecret) is null && keys.StripeWebhookSecret is null)
        {
            problems.Add(new(nameof(form.StripeWebhookSecret), BillingText.Of("Per attivare Stripe serve il segreto di firma dei webhook: senza, nessun pagamento verrebbe confermato.", "Stripe needs its webhook signing secret: without it no payment would be confirmed.")));
        }

        if (form.PayPalEnabled && (payPalClient is null || (payPalSecret ?? current.PayPal.ProtectedClientSecret) is null || payPalHook is null)
            && !keys.PayPalConfigured)
        {
            problems.Add(new(nameof(form.PayPalClientId), BillingText.Of("Per attivare PayPal servono Client ID, segreto e Webhook ID.", "PayPal needs its client ID, secret and webhook ID to be switched on.")));
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var settings = current with
        {
            PendingDays = form.PendingDays,
            RenewalWindowMonths = form.RenewalWindowMonths,
            Profile = new BillingProfile(legalName ?? "", partitaIva ?? "", address ?? "", rea ?? "", iban ?? "", form.RegimeFiscale!, cap ?? "", city ?? "", province ?? ""),
            Stripe = new StripeSettings
            {
                Enabled = form.StripeEnabled,
                ProtectedSecretKey = stripeKey is null ? current.Stripe.ProtectedSecretKey : keys.Protect(stripeKey),
                ProtectedWebhookSecret = stripeHook is null ? current.Stripe.ProtectedWebhookSecret : keys.Protect(stripeHook),
            },
            PayPal = new PayPalSettings
            {
                Enabled = form.PayPalEnabled,
                ClientId = payPalClient,
                ProtectedClientSecret = payPalSecret is null ? current.PayPal.ProtectedClientSecret : keys.Protect(payPalSecret),
                WebhookId = payPalHook,
            },
        };
        await tenants.UpdateAsync(tenant.Name, s => s.WithModuleSettings(BillingModule.ModuleId, settings), ct);
        return settings;
    }

    private static string? Shaped(string? value, Func<string, bool> fits, string field, List<ValidationProblem> problems, string message)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is not null && !fits(text))
        {
            problems.Add(new(field, message));
        }

        return text;
    }

    private static string? Text(string? value, int max, string field, List<ValidationProblem> problems, string tooLong)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text?.Length > max)
        {
            problems.Add(new(field, tooLong));
        }

        return text;
    }

    private static string? Checked(string? value, Func<string?, Checked> validate, string field, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var result = validate(value);
        if (!result.Valid)
        {
            problems.Add(new(field, result.Message!));
        }

        return result.Normalized;
    }

    private static string? Secret(string? value, string[] prefixes, string field, List<ValidationProblem> problems, string wrong)
    {
        var secret = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (secret is not null && (secret.Length > 500 || !prefixes.Any(p => secret.StartsWith(p, StringComparison.Ordinal))))
        {
            problems.Add(new(field, secret.Length > 500 ? BillingText.Of("Al massimo 500 caratteri.", "At most 500 characters.") : wrong));
        }

        return secret;
    }
}
