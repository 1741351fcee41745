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

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == id).OrderBy(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct);
        Support = await support.OpenAsync(id, ct);
        AreaNames = rights.Areas.ToDictionary(a => a.Key, a => a.Name.ToString());
        return Page();
    }
}
