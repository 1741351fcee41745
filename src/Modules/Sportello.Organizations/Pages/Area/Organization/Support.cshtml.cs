using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Modules;
using Sportello.Core.Storage;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// Support access: which product areas the tenant's support may open for this organization (seven days at most,
/// revocable), and every time it did. Changed by legal representatives and administrators.
/// </summary>
public sealed class SupportModel(SupportGrants grants, ProductRights rights, KernelDbContext kernel) : OrganizationPage
{
    public IReadOnlyList<ProductArea> Areas { get; private set; } = [];
    public IReadOnlyDictionary<string, SupportGrant> Open { get; private set; } = new Dictionary<string, SupportGrant>();
    public IReadOnlyList<AuditEntry> Visits { get; private set; } = [];
    public bool MayManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MayManage)
        {
            return Forbid();
        }

        Message = done switch
        {
            "granted" => L["Accesso consentito per {0} giorni.", SupportGrant.ValidDays].Value,
            "revoked" => L["Accesso revocato."].Value,
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostGrantAsync(string? area, CancellationToken ct) =>
        ManageAsync(() => grants.GrantAsync(Membership!.OrganizationId, area, UserId, ct), "granted", ct);

    public Task<IActionResult> OnPostRevokeAsync(string? area, CancellationToken ct) =>
        ManageAsync(() => grants.RevokeAsync(Membership!.OrganizationId, area, UserId, ct), "revoked", ct);

    private async Task<IActionResult> ManageAsync(Func<Task> change, string done, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MayManage)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            return Page();
        }

        return await ChangeAsync(async () =>
        {
            await change();
            return RedirectToPage(new { done });
        }, () => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return false;
        }

        MayManage = await MayAsync(OrganizationRight.ManageAccess);
        Areas = rights.Areas;
        var id = Membership!.OrganizationId;
        Open = (await grants.OpenAsync(id, ct)).ToDictionary(g => g.Area);
        var organization = id.ToString();
        Visits = await AuditFilter.Newest(kernel.Set<AuditEntry>().Where(e => e.OrganizationId == organization && e.Action.StartsWith("organizations.support-")))
            .Take(100).AsNoTracking().ToListAsync(ct);
        return true;
    }
}
