using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Security;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Security;

/// <summary>The contract's support access: the grant checked, the opening recorded in the organization's log as support's.</summary>
internal sealed class SupportAccess(SupportGrants grants, OrganizationsDbContext db, IAuditLog audit, IHttpContextAccessor http, IAuthorizationService authorization) : ISupportAccess
{
    public Task<bool> IsOpenAsync(Guid organizationId, string area, CancellationToken ct = default) => grants.IsOpenAsync(organizationId, area, ct);

    public async Task<bool> OpenAsync(Guid organizationId, string area, string what, CancellationToken ct = default)
    {
        var user = http.HttpContext?.User;
        if (user is null || !(await authorization.AuthorizeAsync(user, organizationId, new SupportAccessRequirement(area))).Succeeded)
        {
            return false;
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        await audit.RecordAsync(OrganizationAuditActions.Record(OrganizationAuditActions.SupportOpened, organization,
            new Dictionary<string, object?> { ["area"] = area, ["what"] = what }) with { BySupport = true }, ct);
        return true;
    }
}

/// <summary>Support may open an area of an organization: the operator holds the permission and the organization's grant is open.</summary>
internal sealed class SupportAccessHandler(SupportGrants grants) : AuthorizationHandler<SupportAccessRequirement, Guid>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SupportAccessRequirement requirement, Guid organizationId)
    {
        if (context.User.HasClaim(PermissionPolicyProvider.ClaimType, OrganizationsPermissions.Support)
            && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not null
            && await grants.IsOpenAsync(organizationId, requirement.Area))
        {
            context.Succeed(requirement);
        }
    }
}
