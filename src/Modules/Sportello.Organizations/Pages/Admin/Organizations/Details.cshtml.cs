using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Admin.Organizations;

/// <summary>One organization as the tenant's staff see it: its data, its members with their roles, the areas it opened to support.</summary>
[RequirePermission(OrganizationsPermissions.View)]
public sealed class DetailsModel(OrganizationsDbContext db, SupportGrants support, ProductRights rights) : PageModel
{
    public Domain.Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<SupportGrant> Support { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AreaNames { get; private set; } = new Dictionary<string, string>();
    public Domain.Partner? Program { get; private set; }

    /// <summary>Active relationships where this organization is the partner (its clients) or the client (its partners), with the other's name.</summary>
    public IReadOnlyList<(PartnerClient Relationship, Guid OtherId, string Other, bool AsPartner)> Relationships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == id).OrderBy(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct);
        Support = await support.OpenAsync(id, ct);
        Program = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.OrganizationId == id, ct);
        var relationships = await db.PartnerClients.AsNoTracking().Where(c => c.Status == PartnerClientStatus.Active && (c.PartnerId == id || c.ClientId == id)).ToListAsync(ct);
        var others = relationships.Select(r => r.PartnerId == id ? r.ClientId!.Value : r.PartnerId).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => others.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.LegalName, ct);
        Relationships = relationships.Select(r => r.PartnerId == id ? (r, r.ClientId!.Value, names[r.ClientId!.Value], true) : (r, r.PartnerId, names[r.PartnerId], false))
            .OrderBy(r => r.Item3).ToList();
        AreaNames = rights.Areas.ToDictionary(a => a.Key, a => a.Name.ToString());
        return Page();
    }
}
