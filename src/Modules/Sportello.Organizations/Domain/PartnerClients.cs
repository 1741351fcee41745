using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sportello.Core;
using Sportello.Core.Audit;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>
/// Partners and the organizations they manage. A partner proposes a new client (its legal representative confirms
/// by a link and chooses the access) or an organization entrusts itself to a partner; the client changes the access
/// and either side ends the relationship whenever it likes, with effect at once.
/// </summary>
public sealed class PartnerClients(OrganizationsDbContext db, Memberships memberships, ProductRights rights, IAuditLog audit, TimeProvider time)
{
    /// <summary>What a client lets its partner reach.</summary>
    public sealed record AccessChoice(ClientAccess Access, IReadOnlyList<string> Areas, bool Billing);

    public sealed record Proposal(PartnerClient Relationship, string Token, string PartnerName);

    /// <summary>The partner proposes an organization not yet on the platform; its legal representative (<paramref name="legalRepresentativeEmail"/>) confirms.</summary>
    public async Task<Proposal> ProposeAsync(Guid partnerId, LegalData data, string? legalRepresentativeEmail, string actorId, CancellationToken ct = default)
    {
        var problems = data.Check().ToList();
        var email = EmailAddress.Validate(legalRepresentativeEmail);
        if (!email.Valid)
        {
            problems.Add(new("Email", email.Message!));
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var partner = await ApprovedPartnerAsync(partnerId, actorId, ct);
        var (token, hash) = SecretToken.New();
        var relationship = new PartnerClient
        {
            Id = Guid.CreateVersion7(), PartnerId = partnerId, Status = PartnerClientStatus.Pending, Access = ClientAccess.Limited,
            ProposedData = JsonSerializer.Serialize(data, SportelloJson.Options), ProposedName = data.LegalName?.Trim(), InviteEmail = email.Normalized,
            TokenHash = hash, CreatedUtc = Now, ExpiresUtc = Now.AddDays(PartnerClient.ValidDays),
        };
        db.PartnerClients.Add(relationship);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientProposed, partner,
            new Dictionary<string, object?> { ["client"] = relationship.ProposedName, ["email"] = relationship.InviteEmail }));
        await db.SaveChangesAsync(ct);
        return new Proposal(relationship, token, partner.LegalName);
    }

    /// <summary>A pending proposal opened by its link, with the partner's name; null when the link opens none.</summary>
    public async Task<(PartnerClient Relationship, string PartnerName, LegalData Data)?> FindProposalAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.HashOf(token);
        var found = await (from c in db.PartnerClients.AsNoTracking()
                           join o in db.Organizations.AsNoTracking() on c.PartnerId equals o.Id
                           where c.TokenHash == hash && c.Status == PartnerClientStatus.Pending
                           select new { Relationship = c, o.LegalName }).SingleOrDefaultAsync(ct);
        return found is null || found.Relationship.ExpiresUtc <= Now
            ? null
            : (found.Relationship, found.LegalName, JsonSerializer.Deserialize<LegalData>(found.Relationship.ProposedData!, SportelloJson.Options)!);
    }

    /// <summary>
    /// The invited legal representative confirms: the organization is created with them as its legal representative,
    /// and the partner reaches what they chose. Only the invited address confirms.
    /// </summary>
    public async Task<Guid> ConfirmAsync(string token, Person person, AccessChoice choice, CancellationToken ct = default)
    {
        var checkedChoice = Checked(choice);
        if (await FindProposalAsync(token, ct) is not { } proposal)
        {
            throw new KeyNotFoundException("No pending proposal.");
        }

        if (!string.Equals(proposal.Relationship.InviteEmail, person.Email, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvitationRefusedException(InvitationState.Pending, wrongAddress: true);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organization = await memberships.CreateAsync(proposal.Data, person, ct);
        var relationship = await db.PartnerClients.SingleAsync(c => c.Id == proposal.Relationship.Id, ct);
        if (relationship.Status != PartnerClientStatus.Pending)
        {
            throw new KeyNotFoundException("Confirmed meanwhile.");
        }

        Activate(relationship, organization.Id, checkedChoice);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientConfirmed, organization, Describe(proposal.PartnerName, checkedChoice)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The status is the concurrency token: a confirmation that committed first leaves this one nothing to confirm.
            throw new KeyNotFoundException("Confirmed meanwhile.");
        }

        await transaction.CommitAsync(ct);
        return organization.Id;
    }

    /// <summary>An organization entrusts its products to an approved partner, found by partita IVA; by a member who manages its access.</summary>
    public async Task EntrustAsync(Guid clientId, string? partnerPartitaIva, AccessChoice choice, string actorId, CancellationToken ct = default)
    {
        var checkedChoice = Checked(choice);
        var client = await ClientAsync(clientId, actorId, ct);
        var vat = PartitaIva.Validate(partnerPartitaIva);
        var partner = vat.Valid
            ? await (from o in db.Organizations
                     join p in db.Partners on o.Id equals p.OrganizationId
                     where o.PartitaIva == vat.Normalized && p.Status == PartnerStatus.Approved
                     select o).FirstOrDefaultAsync(ct)
            : null;
        if (partner is null || partner.Id == clientId)
        {
            throw new SportelloValidationException("PartnerPartitaIva", vat.Valid
                ? Text("Nessun partner approvato ha questa partita IVA.", "No approved partner has this partita IVA.")
                : vat.Message!);
        }

        if (await db.PartnerClients.AnyAsync(c => c.PartnerId == partner.Id && c.ClientId == clientId && c.Status == PartnerClientStatus.Active, ct))
        {
            throw new SportelloValidationException("PartnerPartitaIva", Text($"{partner.LegalName} gestisce già questa organizzazione: cambia l'accesso qui sotto.", $"{partner.LegalName} already manages this organization: change the access below."));
        }

        var relationship = new PartnerClient { Id = Guid.CreateVersion7(), PartnerId = partner.Id, CreatedUtc = Now };
        Activate(relationship, clientId, checkedChoice);
        db.PartnerClients.Add(relationship);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientEntrusted, client, Describe(partner.LegalName, checkedChoice)));
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientEntrusted, partner, new Dictionary<string, object?> { ["client"] = client.LegalName }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The client changes what its partner reaches, effective on the next request.</summary>
    public async Task ChangeAccessAsync(Guid clientId, Guid relationshipId, AccessChoice choice, string actorId, CancellationToken ct = default)
    {
        var checkedChoice = Checked(choice);
        var client = await ClientAsync(clientId, actorId, ct);
        var relationship = await db.PartnerClients.SingleOrDefaultAsync(c => c.Id == relationshipId && c.ClientId == clientId && c.Status == PartnerClientStatus.Active, ct)
            ?? throw new KeyNotFoundException("No such relationship.");
        (relationship.Access, relationship.Areas, relationship.Billing) = (checkedChoice.Access, string.Join(',', checkedChoice.Areas), checkedChoice.Billing);
        var partnerName = await db.Organizations.Where(o => o.Id == relationship.PartnerId).Select(o => o.LegalName).SingleAsync(ct);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientAccessChanged, client, Describe(partnerName, checkedChoice)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Ends a relationship from either side: <paramref name="organizationId"/> is the client or the partner, and
    /// <paramref name="actorId"/> manages that organization's access. A pending proposal is withdrawn the same way.
    /// </summary>
    public async Task EndAsync(Guid organizationId, Guid relationshipId, string actorId, CancellationToken ct = default)
    {
        var relationship = await db.PartnerClients.SingleOrDefaultAsync(c => c.Id == relationshipId && (c.ClientId == organizationId || c.PartnerId == organizationId)
            && c.Status != PartnerClientStatus.Ended, ct) ?? throw new KeyNotFoundException("No such relationship.");
        var side = relationship.PartnerId == organizationId ? "partner" : "client";
        var acting = await ClientAsync(organizationId, actorId, ct);
        (relationship.Status, relationship.EndedUtc, relationship.EndedBy, relationship.TokenHash) = (PartnerClientStatus.Ended, Now, side, null);
        db.PartnerStaff.RemoveRange(await db.PartnerStaff.Where(s => s.PartnerClientId == relationshipId).ToListAsync(ct));
        var names = await db.Organizations.Where(o => o.Id == relationship.PartnerId || o.Id == relationship.ClientId).ToDictionaryAsync(o => o.Id, ct);
        var details = new Dictionary<string, object?> { ["partner"] = names[relationship.PartnerId].LegalName, ["client"] = relationship.ClientId is { } c ? names[c].LegalName : relationship.ProposedName, ["endedBy"] = side };
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientEnded, acting, details));
        if (relationship.ClientId is { } other && other != acting.Id)
        {
            audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientEnded, names[other], details));
        }
        else if (relationship.PartnerId != acting.Id)
        {
            audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.ClientEnded, names[relationship.PartnerId], details));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Which of the partner's collaborators manage one client; by the partner's legal representatives and administrators.</summary>
    public async Task SetStaffAsync(Guid partnerId, Guid relationshipId, IEnumerable<string> userIds, string actorId, CancellationToken ct = default)
    {
        var partner = await ApprovedPartnerAsync(partnerId, actorId, ct);
        var relationship = await db.PartnerClients.SingleOrDefaultAsync(c => c.Id == relationshipId && c.PartnerId == partnerId && c.Status == PartnerClientStatus.Active, ct)
            ?? throw new KeyNotFoundException("No such client.");
        var collaborators = await db.Members.Where(m => m.OrganizationId == partnerId && m.Role == OrganizationRole.Collaborator).Select(m => m.UserId).ToListAsync(ct);
        var chosen = userIds.Where(id => !string.IsNullOrEmpty(id)).ToHashSet(StringComparer.Ordinal);
        if (chosen.Any(id => !collaborators.Contains(id)))
        {
            throw new SportelloValidationException("Staff", Text("Si scelgono solo i collaboratori del partner: legali rappresentanti e amministratori gestiscono già tutti i clienti.", "Only the partner's collaborators are chosen: legal representatives and administrators already manage every client."));
        }

        var current = await db.PartnerStaff.Where(s => s.PartnerClientId == relationshipId).ToListAsync(ct);
        db.PartnerStaff.RemoveRange(current.Where(s => !chosen.Contains(s.UserId)));
        db.PartnerStaff.AddRange(chosen.Where(id => current.All(s => s.UserId != id)).Select(id => new PartnerStaff { PartnerClientId = relationshipId, UserId = id }));
        var clientName = await db.Organizations.Where(o => o.Id == relationship.ClientId).Select(o => o.LegalName).SingleAsync(ct);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.PartnerStaffChanged, partner,
            new Dictionary<string, object?> { ["client"] = clientName, ["staff"] = chosen.Count }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The product rights <paramref name="userId"/> holds in <paramref name="clientId"/> as partner staff: for every
    /// active relationship of a partner they belong to (as its legal representative or administrator, or as the
    /// collaborator assigned to this client), the rights of the areas the client let the partner reach.
    /// </summary>
    public async Task<IReadOnlySet<string>> RightsAsync(string userId, Guid clientId, CancellationToken ct = default)
    {
        var relationships = await (from c in db.PartnerClients.AsNoTracking()
                                   join p in db.Partners.AsNoTracking() on c.PartnerId equals p.OrganizationId
                                   join m in db.Members.AsNoTracking() on c.PartnerId equals m.OrganizationId
                                   where c.ClientId == clientId && c.Status == PartnerClientStatus.Active && p.Status == PartnerStatus.Approved && m.UserId == userId
                                       && (m.Role != OrganizationRole.Collaborator || db.PartnerStaff.Any(s => s.PartnerClientId == c.Id && s.UserId == userId))
                                   select c).ToListAsync(ct);
        if (relationships.Count == 0)
        {
            return new HashSet<string>();
        }

        return rights.Areas.Where(a => relationships.Any(r => r.Reaches(a.Key))).SelectMany(a => a.Rights).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }

    private void Activate(PartnerClient relationship, Guid clientId, AccessChoice choice)
    {
        (relationship.ClientId, relationship.Status, relationship.ActivatedUtc, relationship.TokenHash, relationship.ProposedData) = (clientId, PartnerClientStatus.Active, Now, null, null);
        (relationship.Access, relationship.Areas, relationship.Billing) = (choice.Access, string.Join(',', choice.Areas), choice.Billing);
    }

    private AccessChoice Checked(AccessChoice choice)
    {
        if (!Enum.IsDefined(choice.Access))
        {
            throw new SportelloValidationException("Access", Text("Scegli accesso completo o limitato.", "Choose full or limited access."));
        }

        var known = rights.Areas.Select(a => a.Key).Where(k => k != PartnerClient.BillingArea).ToHashSet(StringComparer.Ordinal);
        var areas = choice.Areas.Where(a => !string.IsNullOrEmpty(a)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (areas.FirstOrDefault(a => !known.Contains(a)) is { } unknown)
        {
            throw new SportelloValidationException("Areas", Text($"«{unknown}» non è un'area attiva.", $"\"{unknown}\" is not an enabled area."));
        }

        return choice.Access == ClientAccess.Full ? new AccessChoice(ClientAccess.Full, [], true) : choice with { Areas = areas };
    }

    private static Dictionary<string, object?> Describe(string partnerName, AccessChoice choice) => new()
    {
        ["partner"] = partnerName, ["access"] = choice.Access.ToString(), ["areas"] = string.Join(", ", choice.Areas), ["billing"] = choice.Billing,
    };

    private async Task<Organization> ApprovedPartnerAsync(Guid partnerId, string actorId, CancellationToken ct)
    {
        var partner = await ClientAsync(partnerId, actorId, ct);
        return await db.Partners.AnyAsync(p => p.OrganizationId == partnerId && p.Status == PartnerStatus.Approved, ct)
            ? partner
            : throw new OrganizationRightMissingException(OrganizationRight.ManageAccess);
    }

    /// <summary>The organization, with <paramref name="actorId"/> holding its ManageAccess right.</summary>
    private async Task<Organization> ClientAsync(Guid organizationId, string actorId, CancellationToken ct) =>
        (await OrganizationActors.RequireAsync(db, organizationId, actorId, OrganizationRight.ManageAccess, ct)).Organization;

    private static string Text(string italian, string english) => new LocalizedText(italian, english).ToString();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
