using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Events;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>
/// Creates organizations and changes who is in them and with which role, always leaving a legal representative.
/// Every membership change also bumps the organization's version, so two changes made at once (two removals of the
/// last two legal representatives, say) cannot both pass the check: the second one is retried and re-checked.
/// </summary>
public sealed class Memberships(OrganizationsDbContext db, IAuditLog audit, TimeProvider time)
{
    /// <summary>Creates an organization with <paramref name="legalRepresentative"/> as its legal representative; refuses invalid data.</summary>
    public async Task<Organization> CreateAsync(LegalData data, Person legalRepresentative, CancellationToken ct = default)
    {
        if (data.Check() is { Count: > 0 } problems)
        {
            throw new SportelloValidationException(problems);
        }

        return await CreateUncheckedAsync(data, legalRepresentative, ct);
    }

    /// <summary>
    /// The organization of someone who signed up alone: in their name, with their address; its tax codes are asked
    /// for in the customer area, so nothing stops them signing up.
    /// </summary>
    public Task<Organization> CreatePersonalAsync(Person person, string language, CancellationToken ct = default) =>
        CreateUncheckedAsync(new LegalData
        {
            LegalName = person.DisplayName, Kind = OrganizationKind.Person, ContactEmail = person.Email, Language = language is "en" ? "en" : "it",
        }, person, ct);

    private async Task<Organization> CreateUncheckedAsync(LegalData data, Person legalRepresentative, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var organization = new Organization { Id = Guid.CreateVersion7(), LegalName = string.Empty, CreatedUtc = now, UpdatedUtc = now };
        data.Apply(organization);
        db.Organizations.Add(organization);
        var first = Join(organization, legalRepresentative, OrganizationRole.LegalRepresentative, now);

        // Until they choose otherwise, the one person there receives everything.
        (first.ReceivesInvoices, first.ReceivesExpiryNotices, first.ReceivesTechnicalNotices) = (true, true, true);
        db.Members.Add(first);
        db.Raise(new OrganizationCreated(organization.Id, organization.LegalName, legalRepresentative.UserId));
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.Created, organization,
            new Dictionary<string, object?> { ["legalRepresentative"] = legalRepresentative.Email }));
        await db.SaveChangesAsync(ct);
        return organization;
    }

    /// <summary>Saves new legal data, refusing invalid data and a form based on a version someone else changed since.</summary>
    public async Task UpdateLegalDataAsync(Guid organizationId, int version, LegalData data, CancellationToken ct = default)
    {
        if (data.Check() is { Count: > 0 } problems)
        {
            throw new SportelloValidationException(problems);
        }

        var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
        if (organization.Version != version)
        {
            throw new DbUpdateConcurrencyException("The organization changed since the form was opened.");
        }

        data.Apply(organization);
        organization.UpdatedUtc = time.GetUtcNow().UtcDateTime;
        organization.Version++;
        db.Raise(new OrganizationChanged(organization.Id, organization.LegalName));
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.LegalDataChanged, organization));
        await db.SaveChangesAsync(ct);
    }

    public Task AddAsync(Guid organizationId, Person person, OrganizationRole role, CancellationToken ct = default) =>
        JoinAsync(organizationId, person, role, null, ct);

    /// <summary>Adds the person in the role; with <paramref name="invitation"/>, marks it accepted in the same change.</summary>
    internal Task JoinAsync(Guid organizationId, Person person, OrganizationRole role, Invitation? invitation, CancellationToken ct) =>
        GuardedAsync(organizationId, (organization, members) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (invitation is not null)
            {
                db.Invitations.Attach(invitation);
                invitation.AcceptedUtc = now;
                invitation.AcceptedUserId = person.UserId;
            }

            if (members.Any(m => m.UserId == person.UserId))
            {
                return Task.FromResult(invitation is not null);
            }

            db.Members.Add(Join(organization, person, role, now));
            audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.MemberAdded, organization,
                new Dictionary<string, object?> { ["member"] = person.Email, ["role"] = role.ToString(), ["invited"] = invitation is not null }));
            return Task.FromResult(true);
        }, ct);

    /// <summary>
    /// Which administrative messages a member receives; by the member themselves or by someone who manages members
    /// (<paramref name="actorId"/>; null: the platform).
    /// </summary>
    public Task SetContactsAsync(Guid organizationId, string userId, bool invoices, bool expiryNotices, bool technicalNotices, string? actorId, CancellationToken ct = default) =>
        GuardedAsync(organizationId, (organization, members) =>
        {
            var member = members.FirstOrDefault(m => m.UserId == userId);
            if (member is null || (member.ReceivesInvoices, member.ReceivesExpiryNotices, member.ReceivesTechnicalNotices) == (invoices, expiryNotices, technicalNotices))
            {
                return Task.FromResult(false);
            }

            if (actorId != userId)
            {
                EnsureActorMay(members, actorId, OrganizationRight.ManageMembers);
            }

            (member.ReceivesInvoices, member.ReceivesExpiryNotices, member.ReceivesTechnicalNotices) = (invoices, expiryNotices, technicalNotices);
            audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ContactsChanged, organization, new Dictionary<string, object?>
            {
                ["member"] = member.Email, ["invoices"] = invoices, ["expiryNotices"] = expiryNotices, ["technicalNotices"] = technicalNotices,
            }));
            return Task.FromResult(true);
        }, ct);

    /// <param name="actorId">The member making the change, whose rights are checked on the rows read with it; null for the platform (recipes).</param>
    public Task ChangeRoleAsync(Guid organizationId, string userId, OrganizationRole role, string? actorId, CancellationToken ct = default) =>
        GuardedAsync(organizationId, (organization, members) =>
        {
            // Gone meanwhile (removed by someone else): nothing left to change.
            var member = members.FirstOrDefault(m => m.UserId == userId);
            if (member is null || member.Role == role)
            {
                return Task.FromResult(false);
            }

            EnsureActorMay(members, actorId, OrganizationRight.ManageMembers);
            if (member.Role == OrganizationRole.LegalRepresentative || role == OrganizationRole.LegalRepresentative)
            {
                EnsureActorMay(members, actorId, OrganizationRight.AppointLegalRepresentative);
            }

            EnsureAnotherLegalRepresentative(members, member);
            audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.RoleChanged, organization,
                new Dictionary<string, object?> { ["member"] = member.Email, ["from"] = member.Role.ToString(), ["to"] = role.ToString() }));
            member.Role = role;
            return Task.FromResult(true);
        }, ct);

    /// <summary>Removes a member by <paramref name="actorId"/>'s hand (null: the platform), or the member leaves (<paramref name="leaving"/>).</summary>
    public Task RemoveAsync(Guid organizationId, string userId, bool leaving, string? actorId = null, CancellationToken ct = default) =>
        GuardedAsync(organizationId, async (organization, members) =>
        {
            var member = members.FirstOrDefault(m => m.UserId == userId);
            if (member is null)
            {
                return false;
            }

            if (!leaving)
            {
                EnsureActorMay(members, actorId, OrganizationRight.ManageMembers);
                if (member.Role == OrganizationRole.LegalRepresentative)
                {
                    EnsureActorMay(members, actorId, OrganizationRight.AppointLegalRepresentative);
                }
            }

            EnsureAnotherLegalRepresentative(members, member);
            db.Members.Remove(member);

            // Rights and teams go with the member: someone invited back later starts with none.
            var teams = db.Teams.Where(t => t.OrganizationId == organizationId).Select(t => t.Id);
            db.TeamMembers.RemoveRange(await db.TeamMembers.Where(t => t.UserId == userId && teams.Contains(t.TeamId)).ToListAsync(ct));
            db.Grants.RemoveRange(await db.Grants.Where(g => g.OrganizationId == organizationId && g.UserId == userId).ToListAsync(ct));
            audit.Add(db, OrganizationAuditActions.Record(leaving ? OrganizationAuditActions.MemberLeft : OrganizationAuditActions.MemberRemoved, organization,
                new Dictionary<string, object?> { ["member"] = member.Email }));
            return true;
        }, ct);

    // Checked on the rows read with the change: a right lost a moment ago (demoted by someone else) is lost here too.
    private static void EnsureActorMay(List<Member> members, string? actorId, OrganizationRight right)
    {
        if (actorId is not null && members.FirstOrDefault(m => m.UserId == actorId)?.Role.Allows(right) != true)
        {
            throw new OrganizationRightMissingException(right);
        }
    }

    private static void EnsureAnotherLegalRepresentative(List<Member> members, Member changing)
    {
        if (changing.Role == OrganizationRole.LegalRepresentative && members.Count(m => m.Role == OrganizationRole.LegalRepresentative) == 1)
        {
            throw new LastLegalRepresentativeException();
        }
    }

    /// <summary>Runs <paramref name="change"/> on fresh rows; when it changed something (true), saves it with the version bumped.</summary>
    private async Task GuardedAsync(Guid organizationId, Func<Organization, List<Member>, Task<bool>> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var organization = await db.Organizations.SingleAsync(o => o.Id == organizationId, ct);
            var members = await db.Members.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
            if (!await change(organization, members))
            {
                return;
            }

            organization.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Someone changed the organization meanwhile: read it again and decide again.
            }
        }
    }

    private static Member Join(Organization organization, Person person, OrganizationRole role, DateTime now) => new()
    {
        OrganizationId = organization.Id, UserId = person.UserId, Email = person.Email, DisplayName = person.DisplayName, Role = role, JoinedUtc = now,
    };
}

/// <summary>A user as Organizations records them.</summary>
public sealed record Person(string UserId, string Email, string DisplayName);
