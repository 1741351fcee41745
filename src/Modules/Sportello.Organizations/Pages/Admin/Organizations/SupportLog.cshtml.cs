using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Admin.Organizations;

/// <summary>Support access across the tenant: the areas customers have open now, and the latest grants, revocations and openings.</summary>
[RequirePermission(OrganizationsPermissions.View)]
public sealed class SupportLogModel(OrganizationsDbContext db, KernelDbContext kernel, ProductRights rights, TimeProvider time) : PageModel
{
    public sealed record OpenRow(Guid OrganizationId, string Organization, string Area, string GrantedBy, DateTime ExpiresUtc);

    public IReadOnlyList<OpenRow> Open { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AreaNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Open = await (from g in db.SupportGrants.AsNoTracking()
                      join o in db.Organizations.AsNoTracking() on g.OrganizationId equals o.Id
                      where g.RevokedUtc == null && g.ExpiresUtc > now
                      orderby g.ExpiresUtc
                      select new OpenRow(o.Id, o.LegalName, g.Area, g.GrantedByName, g.ExpiresUtc)).Take(500).ToListAsync(ct);
        Entries = await AuditFilter.Newest(kernel.Set<AuditEntry>().Where(e => e.Action.StartsWith("organizations.support-"))).Take(200).AsNoTracking().ToListAsync(ct);
        AreaNames = rights.Areas.ToDictionary(a => a.Key, a => a.Name.ToString());
    }
}
