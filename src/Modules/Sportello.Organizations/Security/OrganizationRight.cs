using Microsoft.AspNetCore.Authorization;

namespace Sportello.Organizations.Security;

/// <summary>What a member may do in their organization, checked through ASP.NET authorization like any permission.</summary>
public enum OrganizationRight
{
    /// <summary>See the organization's data and members: any member.</summary>
    View,

    /// <summary>Invite, remove and change the role of members: legal representatives and administrators.</summary>
    ManageMembers,

    /// <summary>Change the legal data: legal representatives only.</summary>
    EditLegalData,

    /// <summary>
    /// Appoint, demote or remove a legal representative: legal representatives only, since nobody grants what they
    /// do not hold (an administrator cannot make anyone, themselves included, a legal representative).
    /// </summary>
    AppointLegalRepresentative,
}

/// <summary>Requires <see cref="Right"/> in the organization passed as the resource (an <see cref="OrganizationMembership"/> of the user).</summary>
public sealed record OrganizationRequirement(OrganizationRight Right) : IAuthorizationRequirement;

internal sealed class OrganizationRequirementHandler : AuthorizationHandler<OrganizationRequirement, OrganizationMembership>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationRequirement requirement, OrganizationMembership membership)
    {
        var allowed = requirement.Right switch
        {
            OrganizationRight.View => true,
            OrganizationRight.ManageMembers => membership.Role is OrganizationRole.LegalRepresentative or OrganizationRole.Administrator,
            OrganizationRight.EditLegalData or OrganizationRight.AppointLegalRepresentative => membership.Role == OrganizationRole.LegalRepresentative,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
