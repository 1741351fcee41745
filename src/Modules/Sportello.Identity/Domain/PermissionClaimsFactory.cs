using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>
/// Puts the user's permissions into the sign-in cookie: those granted to their roles (role claims), those the
/// tenant's enabled modules grant to the default roles they hold, and for Administrators every permission the enabled
/// modules declare, so a newly enabled module needs no grant.
/// </summary>
public sealed class PermissionClaimsFactory(
    UserManager<SportelloUser> users,
    RoleManager<SportelloRole> roles,
    IOptions<IdentityOptions> options,
    ModuleCatalog modules,
    TenantContext tenant)
    : UserClaimsPrincipalFactory<SportelloUser, SportelloRole>(users, roles, options)
{
    /// <summary>Present when the user has an authenticator enrolled; read by the "2FA for administrators" rule.</summary>
    public const string TwoFactorClaim = "two_factor";
    public const string MustChangePasswordClaim = "must_change_password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SportelloUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SignedInNames.ClaimType, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? string.Empty : user.DisplayName));
        if (user.Culture is { } culture)
        {
            identity.AddClaim(new Claim(Sportello.Core.Localization.SportelloCultures.UserClaim, culture));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "on"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "on"));
        }
        var granted = identity.FindAll(PermissionPolicyProvider.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var fromModules = await UserManager.IsInRoleAsync(user, DefaultRoles.Administrator)
            ? modules.PermissionsOf(tenant.Tenant).Select(p => p.Name)
            : (await UserManager.GetRolesAsync(user)).SelectMany(role => ModuleGrants.Of(modules, tenant.Tenant, role));
        foreach (var permission in fromModules.Where(granted.Add).ToList())
        {
            identity.AddClaim(new Claim(PermissionPolicyProvider.ClaimType, permission));
        }

        return identity;
    }
}
