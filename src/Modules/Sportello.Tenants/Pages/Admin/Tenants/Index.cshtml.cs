using Microsoft.AspNetCore.Mvc;
using Sportello.Core.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Tenancy;

namespace Sportello.Tenants.Pages.Admin.Tenants;

[RequirePermission(TenantsPermissions.View)]
public sealed class IndexModel(TenantRegistry registry, TenantContext tenant) : PageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public TimeZoneInfo TimeZone => tenant.Tenant.TimeZone;

    public void OnGet() => Tenants = TenantSummary.List(registry, Search);

    public static string StateLabel(TenantState state) => state switch
    {
        TenantState.Running => "Attivo",
        TenantState.Disabled => "Sospeso",
        _ => "In preparazione",
    };
}
