using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// The organization the signed-in user acts for in this request (the one chosen in the customer area, or their
/// first), and their role in it. Null when they belong to none.
/// </summary>
[ModuleContract("organizations")]
public interface ICurrentOrganization
{
    Task<OrganizationMembership?> GetAsync(CancellationToken ct = default);

    /// <summary>Every organization the signed-in user belongs to, for a switcher.</summary>
    Task<IReadOnlyList<OrganizationMembership>> AllAsync(CancellationToken ct = default);
}

/// <summary>One organization of a user and their role in it.</summary>
public sealed record OrganizationMembership(Guid OrganizationId, string Name, OrganizationKind Kind, OrganizationRole Role);
