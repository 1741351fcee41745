using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Security;

/// <summary>
/// The request's organization: the one the user chose in the customer area (a cookie holds its id, checked against
/// their memberships at every request, so a forged id only falls back to their first), or the first they joined.
/// </summary>
internal sealed class CurrentOrganization(IHttpContextAccessor http, OrganizationsDbContext db) : ICurrentOrganization
{
    public const string Cookie = ".sportello.organization";

    private IReadOnlyList<OrganizationMembership>? _all;

    public async Task<OrganizationMembership?> GetAsync(CancellationToken ct = default)
    {
        var all = await AllAsync(ct);
        var chosen = http.HttpContext?.Request.Cookies[Cookie] is { } value && Guid.TryParse(value, out var id) ? id : (Guid?)null;
        return all.FirstOrDefault(m => m.OrganizationId == chosen) ?? all.FirstOrDefault();
    }

    public async Task<IReadOnlyList<OrganizationMembership>> AllAsync(CancellationToken ct = default)
    {
        if (_all is not null)
        {
            return _all;
        }

        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return _all = [];
        }

        var rows = await (from m in db.Members.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                          where m.UserId == userId
                          orderby m.JoinedUtc, o.LegalName
                          select new { o.Id, o.LegalName, o.Kind, m.Role }).ToListAsync(ct);
        return _all = rows.Select(r => new OrganizationMembership(r.Id, r.LegalName, r.Kind, r.Role)).ToList();
    }
}
