using Microsoft.AspNetCore.Authorization;

namespace Sportello.Core.Security;

/// <summary>
/// Holding a permission. The kernel's handler succeeds when the user has the permission claim; a module may add
/// handlers that fail it for everyone a rule of theirs keeps out (a failed requirement stays failed whatever
/// other handlers say).
/// </summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

internal sealed class PermissionClaimHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.HasClaim(PermissionPolicyProvider.ClaimType, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
