using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Security;

internal sealed class OrganizationDirectory(OrganizationsDbContext db) : IOrganizationDirectory
{
    public Task<OrganizationProfile?> FindAsync(Guid organizationId, CancellationToken ct = default) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new OrganizationProfile(o.Id, o.LegalName, o.Kind, o.CodiceFiscale, o.PartitaIva, o.Street, o.Cap, o.City, o.Province,
                o.Country, o.Pec, o.RecipientCode, o.ContactEmail, o.ContactPhone, o.Language))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<OrganizationContact>> ContactsAsync(Guid organizationId, ContactPurpose purpose, CancellationToken ct = default)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.JoinedUtc).ToListAsync(ct);
        var chosen = members.Where(m => m.Receives(purpose)).ToList();
        return (chosen.Count > 0 ? chosen : members.Where(m => m.Role == OrganizationRole.LegalRepresentative))
            .Select(m => new OrganizationContact(m.UserId, m.Email, m.DisplayName)).ToList();
    }
}
