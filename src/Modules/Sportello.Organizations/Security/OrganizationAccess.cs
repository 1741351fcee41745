using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Security;

/// <summary>The contract's product rights: a member's own (role, grants, teams) and those they hold as a partner's staff.</summary>
internal sealed class OrganizationAccess(ProductRights rights, PartnerClients partners) : IOrganizationAccess
{
    public async Task<bool> MayAsync(string userId, Guid organizationId, string right, CancellationToken ct = default) =>
        (await RightsAsync(userId, organizationId, ct)).Contains(right);

    public async Task<IReadOnlySet<string>> RightsAsync(string userId, Guid organizationId, CancellationToken ct = default)
    {
        var own = await rights.EffectiveAsync(userId, organizationId, ct);
        var asPartner = await partners.RightsAsync(userId, organizationId, ct);
        return asPartner.Count == 0 ? own : own.Union(asPartner).ToHashSet(StringComparer.Ordinal);
    }
}
