using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area.Partner;

/// <summary>One client in the partner console: what it lets the partner reach, which collaborators manage it, ending the relationship.</summary>
public sealed class ClientModel(OrganizationsDbContext db, PartnerClients clients, ProductRights rights) : PartnerConsole(db)
{
    [BindProperty(SupportsGet = true)] public Guid RelationshipId { get; set; }
    [BindProperty] public List<string> Staff { get; set; } = [];

    public PartnerClient? Relationship { get; private set; }
    public string ClientName { get; private set; } = string.Empty;
    public IReadOnlyList<Member> Collaborators { get; private set; } = [];
    public IReadOnlySet<string> Assigned { get; private set; } = new HashSet<string>();
    public IReadOnlyDictionary<string, string> AreaNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Message = saved ? L["Modifiche salvate."].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostStaffAsync(CancellationToken ct) =>
        await GuardAsync(ct) ?? await ChangeAsync(async () =>
        {
            await clients.SetStaffAsync(Membership!.OrganizationId, RelationshipId, Staff, UserId, ct);
            return RedirectToPage(new { RelationshipId, saved = true });
        }, async () => await LoadAsync(ct));

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct) =>
        await GuardAsync(ct) ?? await ChangeAsync(async () =>
        {
            await clients.EndAsync(Membership!.OrganizationId, RelationshipId, UserId, ct);
            return RedirectToPage("Index");
        }, async () => await LoadAsync(ct));

    private async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MayManageClients)
        {
            return Forbid();
        }

        return PostedForCurrent() ? null : Page();
    }

    /// <summary>False unless the relationship is an active one of the current partner that the user may see.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPartnerAsync(ct))
        {
            return false;
        }

        Relationship = await VisibleClients().SingleOrDefaultAsync(c => c.Id == RelationshipId, ct);
        if (Relationship is null)
        {
            return false;
        }

        var partnerId = Membership!.OrganizationId;
        ClientName = await Db.Organizations.Where(o => o.Id == Relationship.ClientId).Select(o => o.LegalName).SingleAsync(ct);
        Collaborators = await Db.Members.AsNoTracking().Where(m => m.OrganizationId == partnerId && m.Role == OrganizationRole.Collaborator).OrderBy(m => m.DisplayName).ToListAsync(ct);
        Assigned = (await Db.PartnerStaff.Where(s => s.PartnerClientId == RelationshipId).Select(s => s.UserId).ToListAsync(ct)).ToHashSet();
        AreaNames = rights.Areas.ToDictionary(a => a.Key, a => a.Name.ToString());
        return true;
    }
}
