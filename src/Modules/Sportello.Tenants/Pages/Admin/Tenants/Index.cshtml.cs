using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Tenants.Pages.Admin.Tenants;

[RequirePermission(TenantsPermissions.View)]
public sealed class IndexModel(TenantRegistry registry, TenantCatalog catalog) : PageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public TenantState? State { get; set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Tenants = await TenantSummary.ListAsync(registry, catalog, Search, State, ct);
    }

    public static string StateLabel(TenantState state) => state switch
    {
        TenantState.Running => "Attivo",
        TenantState.Disabled => "Sospeso",
        _ => "In preparazione",
    };
}
