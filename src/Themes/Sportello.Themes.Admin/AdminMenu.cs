using System.Security.Claims;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Admin;

/// <summary>The back office's side menu: entries of the tenant's enabled modules that this user is allowed to open.</summary>
public static class AdminMenu
{
    public static IReadOnlyList<AdminMenuEntry> For(ModuleCatalog modules, Tenant tenant, ClaimsPrincipal user) =>
        modules.Ordered
            .Where(m => tenant.IsEnabled(m.Id))
            .SelectMany(m => m.AdminMenu)
            .Where(e => e.Permission is null || user.HasClaim(PermissionPolicyProvider.ClaimType, e.Permission))
            .OrderBy(e => e.Order)
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToList();
}
