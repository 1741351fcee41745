using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Modules;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>One team: its name, its members and the product rights it gives them.</summary>
public sealed class TeamModel(OrganizationsDbContext db, Teams teams, ProductRights rights) : OrganizationPage
{
    [BindProperty(SupportsGet = true)] public Guid TeamId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty] public List<string> MemberIds { get; set; } = [];

    public Team? Team { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlySet<string> InTeam { get; private set; } = new HashSet<string>();
    public IReadOnlySet<string> Granted { get; private set; } = new HashSet<string>();
    public IReadOnlyList<ProductArea> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Message = saved ? L["Modifiche salvate."].Value : null;
        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(CancellationToken ct) =>
        ManageAsync(() => teams.RenameAsync(Membership!.OrganizationId, TeamId, Name, UserId, ct), ct);

    public Task<IActionResult> OnPostMembersAsync(CancellationToken ct) =>
        ManageAsync(() => teams.SetMembersAsync(Membership!.OrganizationId, TeamId, MemberIds, UserId, ct), ct);

    public Task<IActionResult> OnPostRightsAsync(CancellationToken ct) =>
        ManageAsync(() => rights.SetForTeamAsync(Membership!.OrganizationId, TeamId, Rights, UserId, ct), ct);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(async () =>
        {
            await teams.DeleteAsync(Membership!.OrganizationId, TeamId, UserId, ct);
            return RedirectToPage("Teams", new { done = "deleted" });
        }, () => LoadAsync(ct));
    }

    private async Task<IActionResult> ManageAsync(Func<Task> change, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(async () =>
        {
            await change();
            return RedirectToPage(new { TeamId, saved = true });
        }, () => LoadAsync(ct));
    }

    private async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MayManageMembers)
        {
            return Forbid();
        }

        return PostedForCurrent() ? null : Page();
    }

    /// <summary>Reads the team; false when it is not one of the current organization's.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return false;
        }

        var organizationId = Membership!.OrganizationId;
        Team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == TeamId && t.OrganizationId == organizationId, ct);
        if (Team is null)
        {
            return false;
        }

        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.DisplayName).ToListAsync(ct);
        InTeam = (await db.TeamMembers.AsNoTracking().Where(t => t.TeamId == TeamId).Select(t => t.UserId).ToListAsync(ct)).ToHashSet();
        Granted = await rights.OfTeamAsync(TeamId, ct);
        Areas = rights.Areas;
        if (HttpMethods.IsGet(Request.Method))
        {
            Name = Team.Name;
        }

        return true;
    }
}
