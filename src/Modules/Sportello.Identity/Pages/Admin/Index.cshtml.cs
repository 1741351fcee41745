using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Identity.Pages.Admin;

/// <summary>The back office's first page: the tenant's modules and the sections this user may open.</summary>
[RequirePermission(IdentityPermissions.AdminAccess)]
public sealed class IndexModel(TenantContext tenant, ModuleCatalog modules) : PageModel
{
    public string TenantName => tenant.Tenant.DisplayName;
    public IReadOnlyList<Module> Modules { get; private set; } = [];
    public IReadOnlyList<AdminMenuEntry> Menu { get; private set; } = [];

    public void OnGet()
    {
        Modules = modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id)).ToList();
        Menu = Modules
            .SelectMany(m => m.AdminMenu)
            .Where(e => e.Permission is null || User.HasClaim(PermissionPolicyProvider.ClaimType, e.Permission))
            .OrderBy(e => e.Order)
            .ToList();
    }
}
