using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>
/// Invitations to join an organization: sent, sent again (a new link, valid seven days more), revoked and accepted
/// by the invited address only. Sending the e-mail is the caller's, after the change is saved.
/// </summary>
public sealed class Invitations(OrganizationsDbContext db, Memberships memberships, IAuditLog audit, TimeProvider time)
{
    /// <summary>An invitation with the one copy of its token, for the e-mail.</summary>
    public sealed record Issued(Invitation Invitation, string Token, string OrganizationName);

    /// <summary>Invites <paramref name="email"/> as <paramref name="role"/>; an address already invited gets a new link instead.</summary>
    public async Task<Issued> InviteAsync(Guid organizationId, string? email, OrganizationRole role, string actorId, CancellationToken ct = default)
    {
        var checkedEmail = EmailAddress.Validate(email);
        if (!checkedEmail.Valid)
        {
            throw new SportelloValidationException("Email", checkedEmail.Message!);
        }

        var address = checkedEmail.Normalized;
        var lower = address.ToLowerInvariant();
        var (organization, actor) = await ActorAsync(organizationId, actorId, role, ct);
        if (await db.Members.AnyAsync(m => m.OrganizationId == organizationId && m.Email.ToLower() == lower, ct))
        {
            throw new SportelloValidationException("Email", new LocalizedText($"{address} fa già parte dell'organizzazione.", $"{address} is already a member of the organization.").ToString());
        }

        var now = Now;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.OrganizationId == organizationId && i.Email.ToLower() == lower
            && i.AcceptedUtc == null && i.RevokedUtc == null && i.ExpiresUtc > now, ct);
        var (token, hash) = SecretToken.New();
        if (invitation is null)
        {
            invitation = new Invitation
            {
                Id = Guid.CreateVersion7(), OrganizationId = organizationId, Email = address, TokenHash = hash,
                InvitedByUserId = actor.UserId, InvitedByName = actor.DisplayName, CreatedUtc = now,
            };
            db.Invitations.Add(invitation);
        }

        invitation.Role = role;
        Send(invitation, hash, actor);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.MemberInvited, organization,
            new Dictionary<string, object?> { ["email"] = address, ["role"] = role.ToString() }));
        await db.SaveChangesAsync(ct);
        return new Issued(invitation, token, organization.LegalName);
    }

    /// <summary>A new link for a pending or expired invitation (the old one stops working); null when it was accepted or revoked.</summary>
    public async Task<Issued?> ResendAsync(Guid organizationId, Guid invitationId, string actorId, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == organizationId, ct);
        if (invitation is null || invitation.StateAt(Now) is InvitationState.Accepted or InvitationState.Revoked)
        {
            return null;
        }

        var (organization, actor) = await ActorAsync(organizationId, actorId, invitation.Role, ct);
        var (token, hash) = SecretToken.New();
        Send(invitation, hash, actor);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.InvitationResent, organization, new Dictionary<string, object?> { ["email"] = invitation.Email }));
        await db.SaveChangesAsync(ct);
        return new Issued(invitation, token, organization.LegalName);
    }

    /// <returns>False when there was nothing left to revoke.</returns>
    public async Task<bool> RevokeAsync(Guid organizationId, Guid invitationId, string actorId, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == organizationId, ct);
        if (invitation is null || invitation.StateAt(Now) is InvitationState.Accepted or InvitationState.Revoked)
        {
            return false;
        }

        var (organization, _) = await ActorAsync(organizationId, actorId, invitation.Role, ct);
        invitation.RevokedUtc = Now;
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.InvitationRevoked, organization, new Dictionary<string, object?> { ["email"] = invitation.Email }));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The invitation a link's token opens, in whatever state, with its organization's name; null when no invitation has it.</summary>
    public async Task<(Invitation Invitation, string OrganizationName)?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.HashOf(token);
        var found = await (from i in db.Invitations.AsNoTracking()
                           join o in db.Organizations.AsNoTracking() on i.OrganizationId equals o.Id
                           where i.TokenHash == hash
                           select new { Invitation = i, o.LegalName }).SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Invitation, found.LegalName);
    }

    /// <summary>
    /// <paramref name="person"/> accepts: they join in the invited role. Refused (<see cref="InvitationRefusedException"/>)
    /// unless the invitation is pending and addressed to their own e-mail, so a forwarded link lets nobody else in.
    /// </summary>
    public async Task<Guid> AcceptAsync(string token, Person person, CancellationToken ct = default)
    {
        var hash = SecretToken.HashOf(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct) ?? throw new InvitationRefusedException(InvitationState.Revoked);
        if (invitation.StateAt(Now) is not InvitationState.Pending and var state)
        {
            throw new InvitationRefusedException(state);
        }

        if (!string.Equals(invitation.Email, person.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvitationRefusedException(InvitationState.Pending, wrongAddress: true);
        }

        await memberships.JoinAsync(invitation.OrganizationId, person, invitation.Role, invitation, ct);
        return invitation.OrganizationId;
    }

    /// <summary>Pending invitations for an address in any organization: someone invited signs up to join, not to get an organization of their own.</summary>
    public Task<bool> PendingForAsync(string email, CancellationToken ct = default)
    {
        var lower = email.ToLowerInvariant();
        var now = Now;
        return db.Invitations.AnyAsync(i => i.Email.ToLower() == lower && i.AcceptedUtc == null && i.RevokedUtc == null && i.ExpiresUtc > now, ct);
    }

    private void Send(Invitation invitation, string hash, Member actor)
    {
        invitation.TokenHash = hash;
        invitation.SentUtc = Now;
        invitation.ExpiresUtc = Now.AddDays(Invitation.ValidDays);
        invitation.Sendings++;
        invitation.InvitedByUserId = actor.UserId;
        invitation.InvitedByName = actor.DisplayName;
    }

    // The actor must manage members, and only a legal representative invites one (nobody grants what they do not hold).
    private async Task<(Organization, Member)> ActorAsync(Guid organizationId, string actorId, OrganizationRole role, CancellationToken ct)
    {
        var (organization, actor) = await OrganizationActors.RequireAsync(db, organizationId, actorId, OrganizationRight.ManageMembers, ct);
        if (role == OrganizationRole.LegalRepresentative && !actor.Role.Allows(OrganizationRight.AppointLegalRepresentative))
        {
            throw new OrganizationRightMissingException(OrganizationRight.AppointLegalRepresentative);
        }

        return (organization, actor);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>An invitation that cannot be accepted: no longer pending, or addressed to someone else.</summary>
public sealed class InvitationRefusedException(InvitationState state, bool wrongAddress = false) : Exception($"Invitation {state}.")
{
    public InvitationState State { get; } = state;

    public bool WrongAddress { get; } = wrongAddress;
}
