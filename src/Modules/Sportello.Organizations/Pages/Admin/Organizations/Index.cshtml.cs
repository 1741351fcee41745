using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Admin.Organizations;

/// <summary>The tenant's customer organizations, found by a few letters of the name, a tax code or a member's e-mail.</summary>
[RequirePermission(OrganizationsPermissions.View)]
public sealed class IndexModel(OrganizationsDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNext { get; private set; }

    public sealed record Row(Guid Id, string LegalName, OrganizationKind Kind, string? CodiceFiscale, string? PartitaIva, string? City, int Members);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var organizations = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            var lower = text.ToLowerInvariant();
            var code = new string(text.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
            organizations = organizations.Where(o => o.LegalName.ToLower().Contains(lower)
                || o.CodiceFiscale == code || o.PartitaIva == code
                || db.Members.Any(m => m.OrganizationId == o.Id && m.Email.ToLower().Contains(lower)));
        }

        var page = await organizations.OrderBy(o => o.LegalName).ThenBy(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(o => new Row(o.Id, o.LegalName, o.Kind, o.CodiceFiscale, o.PartitaIva, o.City, db.Members.Count(m => m.OrganizationId == o.Id)))
            .ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Rows = page.Take(PageSize).ToList();
    }
}
