using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Security;

internal sealed class PartnerTermsReader(OrganizationsDbContext db) : IPartnerTerms
{
    public async Task<PartnerTerms?> OfAsync(Guid organizationId, CancellationToken ct = default)
    {
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Status == PartnerStatus.Approved, ct);
        return partner is null ? null : TermsOf(partner);
    }

    public async Task<IReadOnlyList<PartnerTerms>> ManagersOfAsync(Guid clientId, CancellationToken ct = default)
    {
        var partners = await (from c in db.PartnerClients.AsNoTracking()
                              join p in db.Partners.AsNoTracking() on c.PartnerId equals p.OrganizationId
                              where c.ClientId == clientId && c.Status == PartnerClientStatus.Active && p.Status == PartnerStatus.Approved
                              select p).ToListAsync(ct);
        return partners.DistinctBy(p => p.OrganizationId).Select(TermsOf).ToList();
    }

    public async Task<IReadOnlyList<Guid>> ClientsOfAsync(Guid partnerId, CancellationToken ct = default) =>
        await db.PartnerClients.AsNoTracking()
            .Where(c => c.PartnerId == partnerId && c.Status == PartnerClientStatus.Active && c.ClientId != null
                        && db.Partners.Any(p => p.OrganizationId == partnerId && p.Status == PartnerStatus.Approved))
            .Select(c => c.ClientId!.Value).Distinct().ToListAsync(ct);

    // An approved partner without a benefit chosen (possible before benefits were required) gets nothing off.
    private static PartnerTerms TermsOf(Partner partner) => new(
        partner.OrganizationId,
        partner.Benefit == PartnerBenefit.Discount ? partner.Percent ?? 0m : 0m,
        partner.Benefit == PartnerBenefit.Cashback ? partner.Percent ?? 0m : 0m);
}
