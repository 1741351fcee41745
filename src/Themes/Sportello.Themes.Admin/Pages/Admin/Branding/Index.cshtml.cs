using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sportello.Core.Recipes.Steps;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Themes.Admin.Pages.Admin.Branding;

/// <summary>
/// The reseller's own look: name, logo, colours, contacts and legal links, applied on the next request without a
/// rebuild. Checked by the same rules as recipes; each refusal beside its field, nothing cut short silently.
/// </summary>
[RequirePermission(KernelPermissions.ManageSettings)]
public sealed class IndexModel(TenantContext tenant, TenantService tenants, IStringLocalizer<AdminStrings> L) : PageModel
{
    [BindProperty]
    public TenantBranding Form { get; set; } = new();

    public bool Saved { get; private set; }
    public FieldErrors Errors { get; } = new();

    public void OnGet(bool saved)
    {
        Form = tenant.Settings.Branding;
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var branding = Form with
        {
            DisplayName = Form.DisplayName?.Trim() ?? string.Empty,
            LogoUrl = Blank(Form.LogoUrl),
            Tagline = Blank(Form.Tagline),
            CustomerPhone = Blank(Form.CustomerPhone),
            PartnerPhone = Blank(Form.PartnerPhone),
            SupportEmail = Blank(Form.SupportEmail),
            BusinessHours = Blank(Form.BusinessHours),
            PrivacyUrl = Blank(Form.PrivacyUrl),
            TermsUrl = Blank(Form.TermsUrl),
        };
        foreach (var problem in TenantSettingsRules.CheckBranding(branding, "$"))
        {
            // "$.customerPhone" is the form's "Form.CustomerPhone".
            var field = problem.Field[2..];
            Errors.Add("Form." + char.ToUpperInvariant(field[0]) + field[1..], L[problem.Message]);
        }

        if (Errors.Count > 0)
        {
            Form = branding;
            return Page();
        }

        await tenants.UpdateAsync(tenant.Name, s => s with { Branding = branding }, ct);
        return RedirectToPage(new { saved = true });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
