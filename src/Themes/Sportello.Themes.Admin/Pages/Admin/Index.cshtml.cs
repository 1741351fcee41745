using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Admin.Pages.Admin;

/// <summary>The back office's first page: the tenant's modules and how much of the plan is used.</summary>
[RequirePermission(KernelPermissions.AdminAccess)]
public sealed class IndexModel(TenantContext tenant, ModuleCatalog modules, PlanLimits limits) : PageModel
{
    public string TenantName => tenant.Tenant.DisplayName;
    public IReadOnlyList<Module> Modules { get; private set; } = [];
    public IReadOnlyList<PlanUsage> Usage { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Modules = modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id)).ToList();
        Usage = await limits.UsageAsync(ct);
    }
}
