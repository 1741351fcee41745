using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sportello.Billing.Domain;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Billing.Pages.Admin.Billing.Settings;

/// <summary>
/// The tenant's billing rules, the legal data its documents print, and the payment providers' keys. Secrets are
/// write-only: the page says whether one is set, never shows it; an empty field keeps it.
/// </summary>
[RequirePermission(BillingPermissions.Settings)]
public sealed class IndexModel(BillingSettingsEditor editor, ProviderKeys keys, TenantLinks links, IStringLocalizer<BillingStrings> L) : PageModel
{
    [BindProperty] public int PendingDays { get; set; }
    [BindProperty] public int RenewalWindowMonths { get; set; }
    [BindProperty] public string? LegalName { get; set; }
    [BindProperty] public string? PartitaIva { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Cap { get; set; }
    [BindProperty] public string? City { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? Rea { get; set; }
    [BindProperty] public string? Iban { get; set; }
    [BindProperty] public string? RegimeFiscale { get; set; }
    [BindProperty] public bool StripeEnabled { get; set; }
    [BindProperty] public string? StripeSecretKey { get; set; }
    [BindProperty] public string? StripeWebhookSecret { get; set; }
    [BindProperty] public bool PayPalEnabled { get; set; }
    [BindProperty] public string? PayPalClientId { get; set; }
    [BindProperty] public string? PayPalClientSecret { get; set; }
    [BindProperty] public string? PayPalWebhookId { get; set; }

    public FieldErrors Errors { get; } = new();
    public string? Message { get; private set; }
    public ProviderKeys Keys => keys;
    public string StripeWebhook => links.To("/api/billing/webhooks/stripe");
    public string PayPalWebhook => links.To("/api/billing/webhooks/paypal");

    public void OnGet(string? done)
    {
        Message = done == "saved" ? L["Impostazioni salvate."].Value : null;
        var current = editor.Current;
        (PendingDays, RenewalWindowMonths) = (current.PendingDays, current.RenewalWindowMonths);
        var p = current.Profile;
        (LegalName, PartitaIva, Address, Rea, Iban, RegimeFiscale) = (p.LegalName, p.PartitaIva, p.Address, p.Rea, p.Iban, p.RegimeFiscale);
        (Cap, City, Province) = (p.Cap, p.City, p.Province);
        (StripeEnabled, PayPalEnabled, PayPalClientId, PayPalWebhookId) = (current.Stripe.Enabled, current.PayPal.Enabled, current.PayPal.ClientId, current.PayPal.WebhookId);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await editor.SaveAsync(new BillingSettingsForm(PendingDays, RenewalWindowMonths, LegalName, PartitaIva, Address, Rea, Iban, RegimeFiscale,
                StripeEnabled, StripeSecretKey, StripeWebhookSecret, PayPalEnabled, PayPalClientId, PayPalClientSecret, PayPalWebhookId, Cap, City, Province), ct);
            return RedirectToPage(new { done = "saved" });
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(problem.Field, problem.Message);
            }

            return Page();
        }
    }
}
