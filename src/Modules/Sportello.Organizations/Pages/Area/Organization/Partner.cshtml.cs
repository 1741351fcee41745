using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// Partners and this organization: the partners that manage it (with the access it chose, changed or ended at any
/// time), entrusting it to another, and applying to become a partner itself.
/// </summary>
public sealed class PartnerModel(OrganizationsDbContext db, Domain.Partners partners, PartnerClients clients, ProductRights rights, TenantContext tenant) : OrganizationPage
{
    public sealed record Managing(PartnerClient Relationship, string PartnerName);

    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? ServedAreas { get; set; }
    [BindProperty] public string? Motivation { get; set; }
    [BindProperty] public string? PartnerPartitaIva { get; set; }
    [BindProperty] public ClientAccess Access { get; set; } = ClientAccess.Limited;
    [BindProperty] public List<string> Areas { get; set; } = [];
    [BindProperty] public bool Billing { get; set; }

    public Domain.Partner? Program { get; private set; }
    public IReadOnlyList<Managing> ManagedBy { get; private set; } = [];
    public IReadOnlyList<ProductArea> Choosable { get; private set; } = [];
    public bool MayManage { get; private set; }
    public OrganizationsSettings Settings => tenant.Settings.ModuleSettingsOf<OrganizationsSettings>(OrganizationsModule.ModuleId);

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (await GuardAsync(ct, post: false) is { } refused)
        {
            return refused;
        }

        Message = done switch
        {
            "applied" => L["Domanda inviata: lo sportello la esamina e ti risponde qui."].Value,
            "entrusted" => L["Il partner ora gestisce l'organizzazione con l'accesso che hai scelto."].Value,
            "changed" => L["Accesso del partner cambiato."].Value,
            "ended" => L["Il partner non gestisce più l'organizzazione."].Value,
            "listed" => L["Preferenza salvata."].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct) =>
        await GuardAsync(ct) ?? await ChangeAsync(async () =>
        {
            await partners.ApplyAsync(Membership!.OrganizationId, new(Website, ServedAreas, Motivation), UserId, ct);
            return RedirectToPage(new { done = "applied" });
        }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostListAsync(bool listed, CancellationToken ct) =>
        await GuardAsync(ct) ?? await ChangeAsync(async () =>
        {
            await partners.ListAsync(Membership!.OrganizationId, listed, UserId, ct);
            return RedirectToPage(new { done = "listed" });
        }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostEntrustAsync(CancellationToken ct) =>
        await GuardAsync(ct) ?? await ChangeAsync(async () =>
        {
            await clients.EntrustAsync(Membership!.OrganizationId, PartnerPartitaIva, Choice, UserId, ct);
            return RedirectToPage(new { done = "entrusted" });
        }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostAccessAsync(Guid relationshipId, CancellationToken ct) =>
        await GuardAsync(ct) ?? await ChangeAsync(async () =>
        {
            await clients.ChangeAccessAsync(Membership!.OrganizationId, relationshipId, Choice, UserId, ct);
            return RedirectToPage(new { done = "changed" });
        }, () => LoadAsync(ct));

    public async Task<IActionResult> OnPostEndAsync(Guid relationshipId, CancellationToken ct) =>
        await GuardAsync(ct) ?? await ChangeAsync(async () =>
        {
            await clients.EndAsync(Membership!.OrganizationId, relationshipId, UserId, ct);
            return RedirectToPage(new { done = "ended" });
        }, () => LoadAsync(ct));

    public AccessChoiceForm NewChoice => new("new", Choosable, Access, Areas, Billing);

    public AccessChoiceForm ChoiceOf(PartnerClient relationship) =>
        new(relationship.Id.ToString(), Choosable, relationship.Access, relationship.AreaKeys.ToList(), relationship.Access == ClientAccess.Full || relationship.Billing);

    private PartnerClients.AccessChoice Choice => new(Access, Areas, Billing);

    /// <summary>Null to go on: the user manages this organization's access and posted for it.</summary>
    private async Task<IActionResult?> GuardAsync(CancellationToken ct, bool post = true)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return NotFound();
        }

        MayManage = await MayAsync(OrganizationRight.ManageAccess);
        if (!MayManage)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return !post || PostedForCurrent() ? null : Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = Membership!.OrganizationId;
        Program = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.OrganizationId == id, ct);
        ManagedBy = await (from c in db.PartnerClients.AsNoTracking()
                           join o in db.Organizations.AsNoTracking() on c.PartnerId equals o.Id
                           where c.ClientId == id && c.Status == PartnerClientStatus.Active
                           orderby o.LegalName
                           select new Managing(c, o.LegalName)).ToListAsync(ct);
        Choosable = AccessChoiceForm.Choosable(rights.Areas);
        if (HttpMethods.IsGet(Request.Method) && Program is not null)
        {
            (Website, ServedAreas, Motivation) = (Program.Website, Program.ServedAreas, Program.Motivation);
        }
    }
}
