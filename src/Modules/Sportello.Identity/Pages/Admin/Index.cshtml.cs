using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;

namespace Sportello.Identity.Pages.Admin;

/// <summary>The back office's first page: the tenant's modules and how many people use it.</summary>
[RequirePermission(IdentityPermissions.AdminAccess)]
public sealed class IndexModel(TenantContext tenant, ModuleCatalog modules, UserManager<SportelloUser> users) : PageModel
{
    public string TenantName => tenant.Tenant.DisplayName;
    public IReadOnlyList<Module> Modules { get; private set; } = [];
    public int UserCount { get; private set; }

    public async Task OnGetAsync()
    {
        Modules = modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id)).ToList();
        UserCount = await users.Users.CountAsync();
    }
}
