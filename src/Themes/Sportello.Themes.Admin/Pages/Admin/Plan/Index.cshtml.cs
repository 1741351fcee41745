using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Admin.Pages.Admin.Plan;

/// <summary>
/// The reseller's view of its plan: which modules the platform enabled and how much of each limit is used.
/// Read-only on purpose: modules and limits are the platform operator's to change.
/// </summary>
[RequirePermission(KernelPermissions.AdminAccess)]
public sealed class IndexModel(TenantContext tenant, ModuleCatalog modules, PlanLimits limits) : PageModel
{
    public IReadOnlyList<Module> Modules { get; private set; } = [];
    public IReadOnlyList<PlanUsage> Usage { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Modules = modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id)).ToList();
        Usage = await limits.UsageAsync(ct);
    }
}
