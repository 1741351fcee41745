using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>Creates, renames and deletes an organization's teams and sets who is in them; by members who manage members.</summary>
public sealed class Teams(OrganizationsDbContext db, ProductRights rights, IAuditLog audit, TimeProvider time)
{
    public async Task<Team> CreateAsync(Guid organizationId, string? name, string? actorId, CancellationToken ct = default)
    {
        var clean = await CheckNameAsync(organizationId, name, null, ct);
        var (organization, _) = await rights.ReadAsync(organizationId, actorId, ct);
        var team = new Team { Id = Guid.CreateVersion7(), OrganizationId = organizationId, Name = clean, CreatedUtc = time.GetUtcNow().UtcDateTime };
        db.Teams.Add(team);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.TeamCreated, organization, new Dictionary<string, object?> { ["team"] = clean }));
        await db.SaveChangesAsync(ct);
        return team;
    }

    public async Task RenameAsync(Guid organizationId, Guid teamId, string? name, string? actorId, CancellationToken ct = default)
    {
        var clean = await CheckNameAsync(organizationId, name, teamId, ct);
        var (organization, _) = await rights.ReadAsync(organizationId, actorId, ct);
        var team = await FindAsync(organizationId, teamId, ct);
        if (team.Name == clean)
        {
            return;
        }

        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.TeamChanged, organization, new Dictionary<string, object?> { ["team"] = team.Name, ["name"] = clean }));
        team.Name = clean;
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid organizationId, Guid teamId, string? actorId, CancellationToken ct = default)
    {
        var (organization, _) = await rights.ReadAsync(organizationId, actorId, ct);
        var team = await FindAsync(organizationId, teamId, ct);
        db.TeamMembers.RemoveRange(await db.TeamMembers.Where(t => t.TeamId == teamId).ToListAsync(ct));
        db.Grants.RemoveRange(await db.Grants.Where(g => g.TeamId == teamId).ToListAsync(ct));
        db.Teams.Remove(team);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.TeamDeleted, organization, new Dictionary<string, object?> { ["team"] = team.Name }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Makes the team's members exactly <paramref name="userIds"/>, each a member of the organization.</summary>
    public async Task SetMembersAsync(Guid organizationId, Guid teamId, IEnumerable<string> userIds, string? actorId, CancellationToken ct = default)
    {
        var (organization, members) = await rights.ReadAsync(organizationId, actorId, ct);
        var team = await FindAsync(organizationId, teamId, ct);
        var chosen = userIds.Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        if (chosen.Any(id => members.All(m => m.UserId != id)))
        {
            throw new SportelloValidationException("Members", new LocalizedText("Si possono aggiungere a un gruppo solo i membri dell'organizzazione.", "Only the organization's members can be added to a team.").ToString());
        }

        var current = await db.TeamMembers.Where(t => t.TeamId == teamId).ToListAsync(ct);
        var removed = current.Where(t => !chosen.Contains(t.UserId)).ToList();
        var added = chosen.Where(id => current.All(t => t.UserId != id)).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return;
        }

        db.TeamMembers.RemoveRange(removed);
        db.TeamMembers.AddRange(added.Select(id => new TeamMember { TeamId = teamId, UserId = id }));
        string Emails(IEnumerable<string> ids) => string.Join(", ", members.Where(m => ids.Contains(m.UserId)).Select(m => m.Email).Order());
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.TeamChanged, organization, new Dictionary<string, object?>
        {
            ["team"] = team.Name, ["added"] = Emails(added), ["removed"] = Emails(removed.Select(r => r.UserId)),
        }));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Team> FindAsync(Guid organizationId, Guid teamId, CancellationToken ct) =>
        await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.OrganizationId == organizationId, ct) ?? throw new KeyNotFoundException("No such team.");

    private async Task<string> CheckNameAsync(Guid organizationId, string? name, Guid? teamId, CancellationToken ct)
    {
        var clean = name?.Trim() ?? string.Empty;
        if (clean.Length == 0)
        {
            throw new SportelloValidationException("Name", new LocalizedText("Scrivi il nome del gruppo.", "Write the team's name.").ToString());
        }

        if (clean.Length > Team.MaxName)
        {
            throw new SportelloValidationException("Name", new LocalizedText($"Il nome può avere al massimo {Team.MaxName} caratteri.", $"The name can have at most {Team.MaxName} characters.").ToString());
        }

        var lower = clean.ToLowerInvariant();
        if (await db.Teams.AnyAsync(t => t.OrganizationId == organizationId && t.Id != teamId && t.Name.ToLower() == lower, ct))
        {
            throw new SportelloValidationException("Name", new LocalizedText($"C'è già un gruppo «{clean}».", $"There is already a team \"{clean}\".").ToString());
        }

        return clean;
    }
}
