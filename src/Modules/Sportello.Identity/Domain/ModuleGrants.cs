using Sportello.Core.Modules;
using Sportello.Core.Tenancy;

namespace Sportello.Identity.Domain;

/// <summary>
/// The permissions the enabled modules grant to a default role (<see cref="Permission.GrantedTo"/>): held by its members
/// on top of what the role's own grants say, and counted as the role's by <see cref="RoleGuard"/>.
/// </summary>
internal static class ModuleGrants
{
    public static IEnumerable<string> Of(ModuleCatalog modules, Tenant tenant, string roleName)
    {
        var grant = roleName switch
        {
            DefaultRoles.Operator => DefaultGrant.Operator,
            DefaultRoles.Customer => DefaultGrant.Customer,
            _ => DefaultGrant.None,
        };
        return grant == DefaultGrant.None
            ? []
            : modules.PermissionsOf(tenant)
                .Where(p => p.GrantedTo.HasFlag(grant)).Select(p => p.Name);
    }
}
