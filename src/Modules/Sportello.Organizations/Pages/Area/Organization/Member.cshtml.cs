using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Modules;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// One member: the product rights of a collaborator (their own, and those their teams bring), and which administrative
/// messages they receive. Rights are changed by those who manage members; contacts also by the member themselves.
/// </summary>
public sealed class MemberModel(OrganizationsDbContext db, ProductRights rights, Memberships memberships) : OrganizationPage
{
    [BindProperty(SupportsGet = true)] public string MemberId { get; set; } = string.Empty;
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty] public bool ReceivesInvoices { get; set; }
    [BindProperty] public bool ReceivesExpiryNotices { get; set; }
    [BindProperty] public bool ReceivesTechnicalNotices { get; set; }

    public Member? Target { get; private set; }
    public IReadOnlyList<ProductArea> Areas { get; private set; } = [];
    public IReadOnlySet<string> Own { get; private set; } = new HashSet<string>();
    public IReadOnlyDictionary<string, string> FromTeams { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> TeamNames { get; private set; } = [];
    public bool MayEditContacts => MayManageMembers || Target?.UserId == UserId;

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Message = saved ? L["Modifiche salvate."].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRightsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MayManageMembers)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            return Page();
        }

        return await ChangeAsync(async () =>
        {
            await rights.SetForMemberAsync(Membership!.OrganizationId, Target!.UserId, Rights, UserId, ct);
            return RedirectToPage(new { MemberId, saved = true });
        }, () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostContactsAsync(CancellationToken ct)
    {
        var (invoices, expiry, technical) = (ReceivesInvoices, ReceivesExpiryNotices, ReceivesTechnicalNotices);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MayEditContacts)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            return Page();
        }

        return await ChangeAsync(async () =>
        {
            await memberships.SetContactsAsync(Membership!.OrganizationId, Target!.UserId, invoices, expiry, technical, UserId, ct);
            return RedirectToPage(new { MemberId, saved = true });
        }, () => LoadAsync(ct));
    }

    /// <summary>Reads the member; false when the user belongs to no organization or the member is not in theirs.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return false;
        }

        var id = Membership!.OrganizationId;
        Target = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.OrganizationId == id && m.UserId == MemberId, ct);
        if (Target is null)
        {
            return false;
        }

        Areas = rights.Areas;
        Own = await rights.OfMemberAsync(id, Target.UserId, ct);
        var teams = await (from tm in db.TeamMembers.AsNoTracking()
                           join t in db.Teams.AsNoTracking() on tm.TeamId equals t.Id
                           where tm.UserId == Target.UserId && t.OrganizationId == id
                           orderby t.Name
                           select new { t.Id, t.Name }).ToListAsync(ct);
        TeamNames = teams.Select(t => t.Name).ToList();
        var teamIds = teams.Select(t => t.Id).ToList();
        var teamGrants = await db.Grants.AsNoTracking().Where(g => g.TeamId != null && teamIds.Contains(g.TeamId.Value)).ToListAsync(ct);
        FromTeams = teamGrants.GroupBy(g => g.Right).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => teams.First(t => t.Id == x.TeamId).Name).Distinct()));
        if (HttpMethods.IsGet(Request.Method))
        {
            (ReceivesInvoices, ReceivesExpiryNotices, ReceivesTechnicalNotices) = (Target.ReceivesInvoices, Target.ReceivesExpiryNotices, Target.ReceivesTechnicalNotices);
        }

        return true;
    }
}
