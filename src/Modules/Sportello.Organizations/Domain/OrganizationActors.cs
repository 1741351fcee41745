using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>The one check every change by a member goes through: the organization, and the acting member holding the right there.</summary>
internal static class OrganizationActors
{
    /// <exception cref="KeyNotFoundException">No such organization.</exception>
    /// <exception cref="OrganizationRightMissingException">The actor is no member, or lacks the right.</exception>
    public static async Task<(Organization Organization, Member Actor)> RequireAsync(
        OrganizationsDbContext db, Guid organizationId, string actorId, OrganizationRight right, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new KeyNotFoundException("No such organization.");
        var actor = await db.Members.SingleOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == actorId, ct);
        return actor?.Role.Allows(right) == true ? (organization, actor) : throw new OrganizationRightMissingException(right);
    }
}
