using System.Security.Claims;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Admin;

/// <summary>
/// The back office's side menu: the kernel's own pages and the entries of the tenant's enabled modules, those this
/// user is allowed to open.
/// </summary>
public static class AdminMenu
{
    public static IReadOnlyList<AdminMenuEntry> Kernel { get; } =
    [
        new("Pannello", "/admin", KernelPermissions.AdminAccess, 0),
        new("Marchio", "/admin/branding", KernelPermissions.ManageSettings, 30),
        new("Registro attività", "/admin/audit", KernelPermissions.ViewAudit, 80),
        new("Attività pianificate", "/admin/jobs", KernelPermissions.ManageJobs, 85),
        new("Il tuo piano", "/admin/plan", KernelPermissions.AdminAccess, 90),
    ];

    public static IReadOnlyList<AdminMenuEntry> For(ModuleCatalog modules, Tenant tenant, ClaimsPrincipal user) =>
        Kernel.Concat(modules.Ordered.Where(m => tenant.IsEnabled(m.Id)).SelectMany(m => m.AdminMenu))
            .Where(e => e.Permission is null || user.HasClaim(PermissionPolicyProvider.ClaimType, e.Permission))
            .OrderBy(e => e.Order)
            .ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToList();
}
