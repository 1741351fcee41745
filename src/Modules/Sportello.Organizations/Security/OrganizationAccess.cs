using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Security;

/// <summary>The contract's view of <see cref="ProductRights"/>.</summary>
internal sealed class OrganizationAccess(ProductRights rights) : IOrganizationAccess
{
    public async Task<bool> MayAsync(string userId, Guid organizationId, string right, CancellationToken ct = default) =>
        (await RightsAsync(userId, organizationId, ct)).Contains(right);

    public Task<IReadOnlySet<string>> RightsAsync(string userId, Guid organizationId, CancellationToken ct = default) =>
        rights.EffectiveAsync(userId, organizationId, ct);
}
