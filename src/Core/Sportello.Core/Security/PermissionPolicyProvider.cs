using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Sportello.Core.Security;

/// <summary>
/// Turns a policy name "permission:users.manage" into "signed in and holding that permission claim", so pages and
/// endpoints name the permission they need and no policy has to be registered by hand.
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "permission:";
    public const string ClaimType = "permission";

    public static string PolicyFor(string permission) => Prefix + permission;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }

        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(ClaimType, policyName[Prefix.Length..])
            .Build();
    }
}

/// <summary>Requires the signed-in user to hold a permission: <c>[RequirePermission("users.manage")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicyProvider.PolicyFor(permission))
{
    public string Permission { get; } = permission;
}
