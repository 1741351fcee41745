using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Security;

internal sealed class OrganizationDirectory(OrganizationsDbContext db) : IOrganizationDirectory
{
    public Task<OrganizationProfile?> FindAsync(Guid organizationId, CancellationToken ct = default) =>
        Profiles(db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<OrganizationProfile>> NamedAsync(string legalName, CancellationToken ct = default) =>
        await Profiles(db.Organizations.AsNoTracking().Where(o => o.LegalName == legalName).OrderBy(o => o.CreatedUtc)).ToListAsync(ct);

    private static IQueryable<OrganizationProfile> Profiles(IQueryable<Organization> organizations) =>
        organizations.Select(o => new OrganizationProfile(o.Id, o.LegalName, o.Kind, o.CodiceFiscale, o.PartitaIva, o.Street, o.Cap, o.City,
            o.Province, o.Country, o.Pec, o.RecipientCode, o.ContactEmail, o.ContactPhone, o.Language));

    public async Task<IReadOnlyList<OrganizationContact>> ContactsAsync(Guid organizationId, ContactPurpose purpose, CancellationToken ct = default)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.JoinedUtc).ToListAsync(ct);
        var chosen = members.Where(m => m.Receives(purpose)).ToList();
        return (chosen.Count > 0 ? chosen : members.Where(m => m.Role == OrganizationRole.LegalRepresentative))
            .Select(m => new OrganizationContact(m.UserId, m.Email, m.DisplayName)).ToList();
    }
}
