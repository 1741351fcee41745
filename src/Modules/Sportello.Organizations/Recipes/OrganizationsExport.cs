using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sportello.Core;
using Sportello.Core.Recipes;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Recipes;

/// <summary>
/// The customers' organizations as an <c>organizations</c> step, when an export carries people: data, members with
/// their rights and contacts, teams, the partner program as it stands (applications and approved partners) and
/// partners' active clients. Identity checks stay behind: they hold documents, and a new tenant starts its own.
/// </summary>
public sealed class OrganizationsExport(OrganizationsDbContext db) : ITenantExportContributor
{
    public string ModuleId => OrganizationsModule.ModuleId;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(TenantExport export, CancellationToken ct)
    {
        if (!export.WithPeople)
        {
            return [];
        }

        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.CreatedUtc).ToListAsync(ct);
        var members = (await db.Members.AsNoTracking().OrderBy(m => m.JoinedUtc).ToListAsync(ct)).ToLookup(m => m.OrganizationId);
        var grants = await db.Grants.AsNoTracking().ToListAsync(ct);
        var teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).ToLookup(t => t.OrganizationId);
        var teamMembers = (await db.TeamMembers.AsNoTracking().ToListAsync(ct)).ToLookup(t => t.TeamId, t => t.UserId);
        var partners = await db.Partners.AsNoTracking().Where(p => p.Status == PartnerStatus.Applied || p.Status == PartnerStatus.Approved).ToDictionaryAsync(p => p.OrganizationId, ct);
        var clients = (await db.PartnerClients.AsNoTracking().Where(c => c.Status == PartnerClientStatus.Active && c.ClientId != null).ToListAsync(ct)).ToLookup(c => c.PartnerId);
        var staff = (await db.PartnerStaff.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.PartnerClientId, s => s.UserId);
        var names = organizations.ToDictionary(o => o.Id, o => o.LegalName);

        var list = new List<OrganizationStepModel>();
        foreach (var organization in organizations.Where(o => members[o.Id].Any(m => m.Role == OrganizationRole.LegalRepresentative)))
        {
            var people = members[organization.Id].ToList();
            string EmailOf(string userId) => people.FirstOrDefault(m => m.UserId == userId)?.Email ?? userId;
            var partner = partners.GetValueOrDefault(organization.Id);
            list.Add(new OrganizationStepModel
            {
                Data = LegalData.Of(organization),
                Members = people.Select(m => new MemberStepModel(m.Email, m.Role,
                    grants.Where(g => g.OrganizationId == organization.Id && g.UserId == m.UserId).Select(g => g.Right).Order(StringComparer.Ordinal).ToList(),
                    Contacts(m))).ToList(),
                Teams = teams[organization.Id].Select(t => new TeamStepModel(t.Name,
                    teamMembers[t.Id].Select(EmailOf).Order(StringComparer.Ordinal).ToList(),
                    grants.Where(g => g.TeamId == t.Id).Select(g => g.Right).Order(StringComparer.Ordinal).ToList())).ToList(),
                Partner = partner is null ? null : new PartnerStepModel(partner.Status, partner.Website, partner.ServedAreas, partner.Motivation, partner.Benefit, partner.Percent, partner.Listed),
                Clients = partner?.Status != PartnerStatus.Approved ? [] : clients[organization.Id]
                    .Where(c => names.ContainsKey(c.ClientId!.Value))
                    .Select(c => new ClientStepModel(names[c.ClientId!.Value], c.Access, c.AreaKeys.ToList(), c.Billing, staff[c.Id].Select(EmailOf).ToList()))
                    .ToList(),
            });
        }

        if (list.Count == 0)
        {
            return [];
        }

        var body = (JsonObject)JsonSerializer.SerializeToNode(new OrganizationsStepModel { Organizations = list }, SportelloJson.Options)!;
        body.Remove("identityChecks");
        return [TenantRecipeExporter.Step("organizations", body)];
    }

    private static List<ContactPurpose> Contacts(Member member) =>
    [
        .. member.ReceivesInvoices ? [ContactPurpose.Invoices] : Array.Empty<ContactPurpose>(),
        .. member.ReceivesExpiryNotices ? [ContactPurpose.ExpiryNotices] : Array.Empty<ContactPurpose>(),
        .. member.ReceivesTechnicalNotices ? [ContactPurpose.TechnicalNotices] : Array.Empty<ContactPurpose>(),
    ];
}
