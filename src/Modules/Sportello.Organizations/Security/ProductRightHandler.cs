using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Sportello.Core.Security;

namespace Sportello.Organizations.Security;

/// <summary>Decides the kernel's <see cref="ProductRightRequirement"/> for an organization id, as <see cref="IOrganizationAccess"/> does.</summary>
internal sealed class ProductRightHandler(IOrganizationAccess access) : AuthorizationHandler<ProductRightRequirement, Guid>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProductRightRequirement requirement, Guid organizationId)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await access.MayAsync(userId, organizationId, requirement.Right))
        {
            context.Succeed(requirement);
        }
    }
}
