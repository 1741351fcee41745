using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>The organization's teams, to give product rights to several members at once; created by those who manage members.</summary>
public sealed class TeamsModel(OrganizationsDbContext db, Teams teams) : OrganizationPage
{
    public sealed record Row(Guid Id, string Name, int Members, int Rights);

    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        if (await LoadMembershipAsync(ct))
        {
            await ReloadAsync(ct);
        }

        Message = done == "deleted" ? L["Gruppo eliminato."].Value : null;
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return NotFound();
        }

        if (!MayManageMembers)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            await ReloadAsync(ct);
            return Page();
        }

        return await ChangeAsync(async () =>
        {
            var team = await teams.CreateAsync(Membership!.OrganizationId, Name, UserId, ct);
            return RedirectToPage("Team", new { teamId = team.Id });
        }, () => ReloadAsync(ct));
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var id = Membership!.OrganizationId;
        Rows = await db.Teams.AsNoTracking().Where(t => t.OrganizationId == id).OrderBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Name, db.TeamMembers.Count(m => m.TeamId == t.Id), db.Grants.Count(g => g.TeamId == t.Id)))
            .ToListAsync(ct);
    }
}
