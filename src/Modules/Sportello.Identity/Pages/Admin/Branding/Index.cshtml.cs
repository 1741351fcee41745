using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Recipes.Steps;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Identity.Pages.Admin.Branding;

/// <summary>The reseller's own look: name, logo, colours and contacts, applied on the next request without a rebuild.</summary>
[RequirePermission(IdentityPermissions.ManageSettings)]
public sealed class IndexModel(TenantContext tenant, TenantService tenants) : PageModel
{
    [BindProperty]
    public TenantBranding Form { get; set; } = new();

    public bool Saved { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet(bool saved)
    {
        Form = tenant.Settings.Branding;
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var branding = Form with
        {
            DisplayName = Blank(Form.DisplayName),
            LogoUrl = Blank(Form.LogoUrl),
            CustomerPhone = Blank(Form.CustomerPhone),
            PartnerPhone = Blank(Form.PartnerPhone),
            SupportEmail = Blank(Form.SupportEmail),
            BusinessHours = Blank(Form.BusinessHours),
        };
        var problems = TenantSettingsRules.CheckBranding(branding, "branding").ToList();
        if (problems.Count > 0)
        {
            Errors = problems.Select(p => p.Message).ToList();
            return Page();
        }

        await tenants.UpdateAsync(tenant.Name, s => s with { Branding = branding }, ct);
        return RedirectToPage(new { saved = true });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
