using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// What a user may do in an organization's product areas (<see cref="ProductArea"/>): legal representatives and
/// administrators everything, collaborators the rights granted to them or to one of their teams. Pages check it
/// through authorization with the kernel's <c>ProductRightRequirement</c> and the organization's id as the resource.
/// </summary>
[ModuleContract("organizations")]
public interface IOrganizationAccess
{
    Task<bool> MayAsync(string userId, Guid organizationId, string right, CancellationToken ct = default);

    /// <summary>Every product right the user holds in the organization, of the tenant's enabled modules.</summary>
    Task<IReadOnlySet<string>> RightsAsync(string userId, Guid organizationId, CancellationToken ct = default);
}
