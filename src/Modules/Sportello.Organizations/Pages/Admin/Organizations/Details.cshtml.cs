using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Admin.Organizations;

/// <summary>One organization as the tenant's staff see it: its data and its members with their roles.</summary>
[RequirePermission(OrganizationsPermissions.View)]
public sealed class DetailsModel(OrganizationsDbContext db) : PageModel
{
    public Domain.Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } organization)
        {
            return NotFound();
        }

        Organization = organization;
        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == id).OrderBy(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct);
        return Page();
    }
}
