using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Tenancy;

namespace Sportello.Tenants.Pages.Admin.Tenants;

public sealed class IndexModel(TenantRegistry registry, TenantContext tenant) : PageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public TimeZoneInfo TimeZone => tenant.Tenant.TimeZone;

    public IActionResult OnGet()
    {
        if (!LocalRequests.IsAllowed(HttpContext))
        {
            return NotFound();
        }

        Tenants = TenantSummary.List(registry, Search);
        return Page();
    }

    public static string StateLabel(TenantState state) => state switch
    {
        TenantState.Running => "Attivo",
        TenantState.Disabled => "Sospeso",
        _ => "In preparazione",
    };
}
