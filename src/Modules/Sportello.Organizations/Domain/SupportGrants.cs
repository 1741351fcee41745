using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>Opens and closes product areas of an organization to the tenant's support, by members who manage its access.</summary>
public sealed class SupportGrants(OrganizationsDbContext db, ProductRights rights, IAuditLog audit, TimeProvider time)
{
    /// <summary>The grants open now, one per area at most.</summary>
    public Task<List<SupportGrant>> OpenAsync(Guid organizationId, CancellationToken ct = default)
    {
        var now = Now;
        return db.SupportGrants.AsNoTracking().Where(g => g.OrganizationId == organizationId && g.RevokedUtc == null && g.ExpiresUtc > now)
            .OrderBy(g => g.Area).ToListAsync(ct);
    }

    /// <summary>Opens <paramref name="area"/> for seven days from now (an open grant is renewed, not doubled).</summary>
    public async Task GrantAsync(Guid organizationId, string? area, string actorId, CancellationToken ct = default)
    {
        if (rights.Areas.All(a => a.Key != area))
        {
            throw new SportelloValidationException("Area", new LocalizedText("Scegli un'area dell'elenco.", "Choose an area from the list.").ToString());
        }

        var (organization, actor) = await ActorAsync(organizationId, actorId, ct);
        var now = Now;
        var grant = await db.SupportGrants.FirstOrDefaultAsync(g => g.OrganizationId == organizationId && g.Area == area && g.RevokedUtc == null && g.ExpiresUtc > now, ct);
        if (grant is null)
        {
            grant = new SupportGrant { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Area = area!, GrantedByUserId = actor.UserId, GrantedByName = actor.DisplayName };
            db.SupportGrants.Add(grant);
        }

        (grant.GrantedUtc, grant.ExpiresUtc, grant.GrantedByUserId, grant.GrantedByName) = (now, now.AddDays(SupportGrant.ValidDays), actor.UserId, actor.DisplayName);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.SupportGranted, organization,
            new Dictionary<string, object?> { ["area"] = area, ["until"] = grant.ExpiresUtc }));
        await db.SaveChangesAsync(ct);
    }

    /// <returns>False when the area was not open.</returns>
    public async Task<bool> RevokeAsync(Guid organizationId, string? area, string actorId, CancellationToken ct = default)
    {
        var (organization, _) = await ActorAsync(organizationId, actorId, ct);
        var now = Now;
        var open = await db.SupportGrants.Where(g => g.OrganizationId == organizationId && g.Area == area && g.RevokedUtc == null && g.ExpiresUtc > now).ToListAsync(ct);
        if (open.Count == 0)
        {
            return false;
        }

        open.ForEach(g => g.RevokedUtc = now);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.SupportRevoked, organization, new Dictionary<string, object?> { ["area"] = area }));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> IsOpenAsync(Guid organizationId, string area, CancellationToken ct = default)
    {
        var now = Now;
        return await db.SupportGrants.AnyAsync(g => g.OrganizationId == organizationId && g.Area == area && g.RevokedUtc == null && g.ExpiresUtc > now, ct);
    }

    private Task<(Organization Organization, Member Actor)> ActorAsync(Guid organizationId, string actorId, CancellationToken ct) =>
        OrganizationActors.RequireAsync(db, organizationId, actorId, OrganizationRight.ManageAccess, ct);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
