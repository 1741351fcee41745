using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Pages.Area.Organization;

namespace Sportello.Organizations.Pages.Area.Partner;

/// <summary>
/// What the partner console's pages share: the current organization must be an approved partner; its legal
/// representatives and administrators see every client, a collaborator only the clients assigned to them.
/// </summary>
public abstract class PartnerConsole(OrganizationsDbContext db) : OrganizationPage
{
    protected OrganizationsDbContext Db => db;

    public Domain.Partner? Program { get; private set; }

    /// <summary>Manages the partner's clients: adds, assigns staff, ends, exports.</summary>
    public bool MayManageClients { get; private set; }

    /// <summary>False when the user acts for no organization or for one that is not an approved partner.</summary>
    protected async Task<bool> LoadPartnerAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return false;
        }

        var id = Membership!.OrganizationId;
        Program = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.OrganizationId == id && p.Status == PartnerStatus.Approved, ct);
        MayManageClients = await MayAsync(OrganizationRight.ManageAccess);
        return Program is not null;
    }

    /// <summary>The active relationships the user may work on.</summary>
    protected IQueryable<PartnerClient> VisibleClients()
    {
        var id = Membership!.OrganizationId;
        var mine = db.PartnerClients.AsNoTracking().Where(c => c.PartnerId == id && c.Status == PartnerClientStatus.Active);
        var userId = UserId;
        return MayManageClients ? mine : mine.Where(c => db.PartnerStaff.Any(s => s.PartnerClientId == c.Id && s.UserId == userId));
    }
}
