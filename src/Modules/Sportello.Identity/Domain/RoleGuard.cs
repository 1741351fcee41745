using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>
/// Nobody grants what they do not hold: a user may give a role, invite into it, change its permissions or act on
/// someone who has it (lock, delete, reset) only when they hold every permission it gives. And the tenant always
/// keeps an active administrator. Permissions are read from the store, not from the actor's cookie, so a grant
/// just taken away cannot be used.
/// </summary>
public sealed class RoleGuard(UserManager<SportelloUser> users, RoleManager<SportelloRole> roles, ModuleCatalog modules, TenantContext tenant, TimeProvider time)
{
    /// <summary>Every permission of the kernel and the tenant's enabled modules: what the Administrator role gives.</summary>
    public IReadOnlySet<string> All => modules.PermissionsOf(tenant.Tenant).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> OfRoleAsync(string roleName)
    {
        if (roleName == DefaultRoles.Administrator)
        {
            return All;
        }

        var role = await roles.FindByNameAsync(roleName);
        return role is null
            ? new HashSet<string>()
            : (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionPolicyProvider.ClaimType).Select(c => c.Value)
                .Concat(ModuleGrants.Of(modules, tenant.Tenant, roleName)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlySet<string>> OfUserAsync(SportelloUser user)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in await users.GetRolesAsync(user))
        {
            held.UnionWith(await OfRoleAsync(role));
        }

        return held;
    }

    /// <summary>The <paramref name="permissions"/> that <paramref name="actor"/> does not hold; empty when they may hand them out.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(SportelloUser actor, IEnumerable<string> permissions)
    {
        var held = await OfUserAsync(actor);
        return permissions.Where(p => !held.Contains(p)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The permissions of <paramref name="roleNames"/> that <paramref name="actor"/> lacks; empty when they may grant them.</summary>
    public async Task<IReadOnlyList<string>> MissingForRolesAsync(SportelloUser actor, IEnumerable<string> roleNames)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roleNames)
        {
            given.UnionWith(await OfRoleAsync(role));
        }

        return await MissingAsync(actor, given);
    }

    /// <summary>The permissions <paramref name="target"/> has and <paramref name="actor"/> lacks; empty when the actor may act on them.</summary>
    public async Task<IReadOnlyList<string>> MissingToActOnAsync(SportelloUser actor, SportelloUser target) =>
        await MissingForRolesAsync(actor, await users.GetRolesAsync(target));

    /// <summary>Whether <paramref name="user"/> is the only administrator who can still sign in.</summary>
    public async Task<bool> IsLastAdministratorAsync(SportelloUser user)
    {
        if (!await users.IsInRoleAsync(user, DefaultRoles.Administrator))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var active = (await users.GetUsersInRoleAsync(DefaultRoles.Administrator))
            .Count(u => u.Id != user.Id && !(u.LockoutEnd is { } end && end > now));
        return active == 0;
    }
}
