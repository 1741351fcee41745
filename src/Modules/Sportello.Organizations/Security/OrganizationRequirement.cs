using Microsoft.AspNetCore.Authorization;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Security;

/// <summary>Requires <see cref="Right"/> in the organization passed as the resource (an <see cref="OrganizationMembership"/> of the user).</summary>
public sealed record OrganizationRequirement(OrganizationRight Right) : IAuthorizationRequirement;

internal sealed class OrganizationRequirementHandler : AuthorizationHandler<OrganizationRequirement, OrganizationMembership>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationRequirement requirement, OrganizationMembership membership)
    {
        if (membership.Role.Allows(requirement.Right))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
