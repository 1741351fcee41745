using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>
/// Who may do what in an organization's product areas. Legal representatives and administrators hold every right of
/// the tenant's enabled modules; a collaborator holds the union of the rights granted to them and to their teams.
/// </summary>
public sealed class ProductRights(OrganizationsDbContext db, ModuleCatalog modules, TenantContext tenant, IAuditLog audit)
{
    /// <summary>The areas, with their rights, of the tenant's enabled modules.</summary>
    public IReadOnlyList<ProductArea> Areas => modules.ProductAreasOf(tenant.Tenant).ToList();

    public IReadOnlySet<string> Known => Areas.SelectMany(a => a.Rights).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> EffectiveAsync(string userId, Guid organizationId, CancellationToken ct = default)
    {
        var role = await db.Members.Where(m => m.OrganizationId == organizationId && m.UserId == userId).Select(m => (OrganizationRole?)m.Role).SingleOrDefaultAsync(ct);
        if (role is null)
        {
            return new HashSet<string>();
        }

        var known = Known;
        if (role != OrganizationRole.Collaborator)
        {
            return known;
        }

        var teams = db.TeamMembers.Where(t => t.UserId == userId).Select(t => t.TeamId);
        var granted = await db.Grants
            .Where(g => g.OrganizationId == organizationId && (g.UserId == userId || (g.TeamId != null && teams.Contains(g.TeamId.Value))))
            .Select(g => g.Right).Distinct().ToListAsync(ct);

        // A right of a module the tenant turned off stays stored (it comes back with the module) but grants nothing.
        return granted.Where(known.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The rights granted to the member themselves (not through teams).</summary>
    public async Task<IReadOnlySet<string>> OfMemberAsync(Guid organizationId, string userId, CancellationToken ct = default) =>
        (await db.Grants.Where(g => g.OrganizationId == organizationId && g.UserId == userId).Select(g => g.Right).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlySet<string>> OfTeamAsync(Guid teamId, CancellationToken ct = default) =>
        (await db.Grants.Where(g => g.TeamId == teamId).Select(g => g.Right).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Replaces a collaborator's own rights with <paramref name="rights"/>, by <paramref name="actorId"/>'s hand (null: the platform).</summary>
    public async Task SetForMemberAsync(Guid organizationId, string userId, IEnumerable<string> rights, string? actorId, CancellationToken ct = default)
    {
        var chosen = Checked(rights);
        var (organization, members) = await ReadAsync(organizationId, actorId, ct);
        var member = members.FirstOrDefault(m => m.UserId == userId) ?? throw new KeyNotFoundException("Not a member.");
        var current = await db.Grants.Where(g => g.OrganizationId == organizationId && g.UserId == userId).ToListAsync(ct);
        if (Replace(current, chosen, () => new RightGrant { OrganizationId = organizationId, UserId = userId, Right = string.Empty }) is { } change)
        {
            audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.RightsChanged, organization,
                new Dictionary<string, object?> { ["member"] = member.Email, ["granted"] = change.Granted, ["revoked"] = change.Revoked }));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Replaces a team's rights with <paramref name="rights"/>.</summary>
    public async Task SetForTeamAsync(Guid organizationId, Guid teamId, IEnumerable<string> rights, string? actorId, CancellationToken ct = default)
    {
        var chosen = Checked(rights);
        var (organization, _) = await ReadAsync(organizationId, actorId, ct);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.OrganizationId == organizationId, ct) ?? throw new KeyNotFoundException("No such team.");
        var current = await db.Grants.Where(g => g.TeamId == teamId).ToListAsync(ct);
        if (Replace(current, chosen, () => new RightGrant { OrganizationId = organizationId, TeamId = teamId, Right = string.Empty }) is { } change)
        {
            audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.RightsChanged, organization,
                new Dictionary<string, object?> { ["team"] = team.Name, ["granted"] = change.Granted, ["revoked"] = change.Revoked }));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The organization and its members, with the actor's right to manage them checked on these rows.</summary>
    internal async Task<(Organization Organization, List<Member> Members)> ReadAsync(Guid organizationId, string? actorId, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
        var members = await db.Members.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
        if (actorId is not null && members.FirstOrDefault(m => m.UserId == actorId)?.Role.Allows(OrganizationRight.ManageMembers) != true)
        {
            throw new OrganizationRightMissingException(OrganizationRight.ManageMembers);
        }

        return (organization, members);
    }

    private HashSet<string> Checked(IEnumerable<string> rights)
    {
        var chosen = rights.Where(r => !string.IsNullOrEmpty(r)).ToHashSet(StringComparer.Ordinal);
        var known = Known;
        if (chosen.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            throw new SportelloValidationException("Rights", new LocalizedText($"«{unknown}» non è un diritto di un'area attiva.", $"\"{unknown}\" is not a right of an enabled area.").ToString());
        }

        return chosen;
    }

    private (string[] Granted, string[] Revoked)? Replace(List<RightGrant> current, HashSet<string> chosen, Func<RightGrant> create)
    {
        // Rights of a module turned off are kept: the form never showed them, so it cannot have meant to take them away.
        var known = Known;
        var revoked = current.Where(g => known.Contains(g.Right) && !chosen.Contains(g.Right)).ToList();
        var granted = chosen.Where(r => current.All(g => g.Right != r)).Order(StringComparer.Ordinal).ToArray();
        if (revoked.Count == 0 && granted.Length == 0)
        {
            return null;
        }

        db.Grants.RemoveRange(revoked);
        foreach (var right in granted)
        {
            var grant = create();
            grant.Right = right;
            db.Grants.Add(grant);
        }

        return (granted, revoked.Select(g => g.Right).Order(StringComparer.Ordinal).ToArray());
    }
}
