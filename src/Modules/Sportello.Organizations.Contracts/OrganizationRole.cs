namespace Sportello.Organizations;

/// <summary>What a member is to an organization.</summary>
public enum OrganizationRole
{
    /// <summary>The owner: the only one who changes the organization's legal data. There is always one.</summary>
    LegalRepresentative,

    /// <summary>Manages members and products, never the legal data.</summary>
    Administrator,

    /// <summary>Only the rights granted to them per product area.</summary>
    Collaborator,
}
