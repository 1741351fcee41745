namespace Sportello.Organizations.Domain;

/// <summary>What a member may do in their organization, for each right: the one rule that authorization and the domain share.</summary>
public enum OrganizationRight
{
    /// <summary>See the organization's data and members: any member.</summary>
    View,

    /// <summary>Remove members and change their roles: legal representatives and administrators.</summary>
    ManageMembers,

    /// <summary>
    /// Decide who else reaches the organization's content: support access and partners' access. Legal representatives
    /// and administrators.
    /// </summary>
    ManageAccess,

    /// <summary>Read and export the organization's activity log: legal representatives and administrators.</summary>
    ViewActivity,

    /// <summary>Change the legal data: legal representatives only.</summary>
    EditLegalData,

    /// <summary>
    /// Appoint, demote or remove a legal representative: legal representatives only, since nobody grants what they
    /// do not hold (an administrator cannot make anyone, themselves included, a legal representative).
    /// </summary>
    AppointLegalRepresentative,
}

public static class OrganizationRights
{
    public static bool Allows(this OrganizationRole role, OrganizationRight right) => right switch
    {
        OrganizationRight.View => true,
        OrganizationRight.ManageMembers or OrganizationRight.ViewActivity or OrganizationRight.ManageAccess => role is OrganizationRole.LegalRepresentative or OrganizationRole.Administrator,
        OrganizationRight.EditLegalData or OrganizationRight.AppointLegalRepresentative => role == OrganizationRole.LegalRepresentative,
        _ => false,
    };
}

/// <summary>The acting member, read again with the change, no longer holds the right it needs.</summary>
public sealed class OrganizationRightMissingException(OrganizationRight right) : Exception($"The acting member lacks {right}.")
{
    public OrganizationRight Right { get; } = right;
}
