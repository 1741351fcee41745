using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Sportello.Core.Security;

/// <summary>
/// Turns a policy name "permission:users.manage" into "signed in and meeting <see cref="PermissionRequirement"/>",
/// so pages and endpoints name the permission they need and no policy has to be registered by hand. Every permission
/// check of every module, page or API alike, passes through that one requirement, which is where rules that apply to
/// all of them (such as "administrators must enrol a second factor") are enforced.
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "permission:";
    public const string ClaimType = "permission";

    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    public static string PolicyFor(string permission) => Prefix + permission;

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        policyName.StartsWith(Prefix, StringComparison.Ordinal)
            ? Task.FromResult<AuthorizationPolicy?>(_policies.GetOrAdd(policyName, name => new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(name[Prefix.Length..]))
                .Build()))
            : base.GetPolicyAsync(policyName);
}

/// <summary>Requires the signed-in user to hold a permission: <c>[RequirePermission("users.manage")]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : AuthorizeAttribute(PermissionPolicyProvider.PolicyFor(permission))
{
    public string Permission { get; } = permission;
}
