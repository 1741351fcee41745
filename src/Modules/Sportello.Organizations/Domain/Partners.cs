using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Lifecycles;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;

namespace Sportello.Organizations.Domain;

/// <summary>
/// The partner program: organizations apply, the tenant's operators approve (with a discount or a cashback) or reject
/// with a reason, and end partnerships; ending one ends every client relationship at once.
/// </summary>
public sealed class Partners(OrganizationsDbContext db, LifecycleTransitions transitions, IAuditLog audit, TimeProvider time)
{
    public sealed record Application(string? Website, string? ServedAreas, string? Motivation);

    /// <summary>A company or sole trader with a partita IVA and a website applies, by a member who manages its access.</summary>
    public async Task ApplyAsync(Guid organizationId, Application application, string actorId, CancellationToken ct = default)
    {
        var (organization, actor) = await OrganizationActors.RequireAsync(db, organizationId, actorId, OrganizationRight.ManageAccess, ct);

        var problems = Check(organization, application);
        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var partner = await db.Partners.SingleOrDefaultAsync(p => p.OrganizationId == organizationId, ct);
        var record = Subject(organization);
        if (partner is null)
        {
            partner = new Partner { OrganizationId = organizationId, Status = PartnerStatus.Applied, Website = string.Empty, ServedAreas = string.Empty, AppliedByName = actor.DisplayName };
            db.Partners.Add(partner);
            audit.Add(db, record with { Action = OrganizationAuditActions.PartnerApplied });
        }
        else
        {
            transitions.Apply(db, PartnerLifecycle.Instance, partner.Status, s => partner.Status = s, PartnerTrigger.Reapply, record);
        }

        (partner.Website, partner.ServedAreas, partner.Motivation) = (Normalized(application.Website)!, application.ServedAreas!.Trim(), Blank(application.Motivation));
        (partner.AppliedUtc, partner.AppliedByName, partner.DecidedUtc, partner.DecidedByName, partner.Reason, partner.Benefit, partner.Percent) =
            (Now, actor.DisplayName, null, null, null, null, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Approves with exactly one benefit, by an operator (<paramref name="operatorName"/>).</summary>
    public async Task ApproveAsync(Guid organizationId, PartnerBenefit? benefit, decimal? percent, string operatorName, CancellationToken ct = default)
    {
        if (benefit is null || !Enum.IsDefined(benefit.Value))
        {
            throw new SportelloValidationException("Benefit", Text("Scegli uno sconto o un cashback.", "Choose a discount or a cashback."));
        }

        if (percent is not { } value || value <= 0 || value > 100 || decimal.Round(value, 2) != value)
        {
            throw new SportelloValidationException("Percent", Text("La percentuale va da 0,01 a 100, con al massimo due decimali.", "The percentage goes from 0.01 to 100, with two decimals at most."));
        }

        var (organization, partner) = await FindAsync(organizationId, ct);
        if (organization.IsAffiliate)
        {
            throw new SportelloValidationException("Benefit", Text("L'organizzazione è un affiliato: non può essere anche partner.", "The organization is an affiliate: it cannot be a partner too."));
        }

        transitions.Apply(db, PartnerLifecycle.Instance, partner.Status, s => partner.Status = s, PartnerTrigger.Approve,
            Subject(organization) with { Details = new Dictionary<string, object?> { ["benefit"] = benefit.ToString(), ["percent"] = value } });
        (partner.Benefit, partner.Percent, partner.DecidedUtc, partner.DecidedByName, partner.Reason) = (benefit, value, Now, operatorName, null);
        await db.SaveChangesAsync(ct);
    }

    public Task RejectAsync(Guid organizationId, string? reason, string operatorName, CancellationToken ct = default) =>
        DecideAsync(organizationId, PartnerTrigger.Reject, reason, operatorName, ct);

    /// <summary>Ends an approved partnership; its clients' relationships end with it.</summary>
    public Task EndAsync(Guid organizationId, string? reason, string operatorName, CancellationToken ct = default) =>
        DecideAsync(organizationId, PartnerTrigger.End, reason, operatorName, ct);

    /// <summary>The partner appears in the public directory, or stops appearing; by a member who manages its access.</summary>
    public async Task ListAsync(Guid organizationId, bool listed, string actorId, CancellationToken ct = default)
    {
        await OrganizationActors.RequireAsync(db, organizationId, actorId, OrganizationRight.ManageAccess, ct);
        var (organization, partner) = await FindAsync(organizationId, ct);

        if (partner.Listed != listed)
        {
            partner.Listed = listed;
            audit.Add(db, Subject(organization) with { Action = OrganizationAuditActions.PartnerListed, Details = new Dictionary<string, object?> { ["listed"] = listed } });
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task DecideAsync(Guid organizationId, PartnerTrigger trigger, string? reason, string operatorName, CancellationToken ct)
    {
        var clean = reason?.Trim();
        if (string.IsNullOrEmpty(clean) || clean.Length > 1000)
        {
            throw new SportelloValidationException("Reason", Text("Scrivi il motivo (al massimo 1000 caratteri): il cliente lo legge.", "Write the reason (1000 characters at most): the customer reads it."));
        }

        var (organization, partner) = await FindAsync(organizationId, ct);
        transitions.Apply(db, PartnerLifecycle.Instance, partner.Status, s => partner.Status = s, trigger, Subject(organization), clean);
        (partner.DecidedUtc, partner.DecidedByName, partner.Reason, partner.Listed) = (Now, operatorName, clean, false);
        if (trigger == PartnerTrigger.End)
        {
            foreach (var relationship in await db.PartnerClients.Where(c => c.PartnerId == organizationId && c.Status != PartnerClientStatus.Ended).ToListAsync(ct))
            {
                (relationship.Status, relationship.EndedUtc, relationship.EndedBy, relationship.TokenHash) = (PartnerClientStatus.Ended, Now, "partner", null);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static List<ValidationProblem> Check(Organization organization, Application application)
    {
        var problems = new List<ValidationProblem>();
        if (organization.Kind is not (OrganizationKind.Company or OrganizationKind.SoleTrader) || organization.PartitaIva is null)
        {
            problems.Add(new("Organization", Text("Può diventare partner un'impresa con partita IVA: completa prima i dati dell'organizzazione.", "A business with a partita IVA can become a partner: complete the organization's data first.")));
        }

        if (organization.IsAffiliate)
        {
            problems.Add(new("Organization", Text("L'organizzazione è un affiliato: non può essere anche partner.", "The organization is an affiliate: it cannot be a partner too.")));
        }

        if (Normalized(application.Website) is null)
        {
            problems.Add(new(nameof(Application.Website), Text("Scrivi l'indirizzo del sito, per esempio https://www.esempio.it.", "Write the website's address, for example https://www.example.com.")));
        }

        if (string.IsNullOrWhiteSpace(application.ServedAreas) || application.ServedAreas.Trim().Length > Partner.MaxServedAreas)
        {
            problems.Add(new(nameof(Application.ServedAreas), Text($"Scrivi dove lavori (al massimo {Partner.MaxServedAreas} caratteri).", $"Write where you work ({Partner.MaxServedAreas} characters at most).")));
        }

        if (application.Motivation?.Trim().Length > Partner.MaxMotivation)
        {
            problems.Add(new(nameof(Application.Motivation), Text($"Al massimo {Partner.MaxMotivation} caratteri.", $"{Partner.MaxMotivation} characters at most.")));
        }

        return problems;
    }

    /// <summary>An http(s) address with a host, written with its scheme; null when it is not one.</summary>
    public static string? Normalized(string? website)
    {
        var text = website?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > Partner.MaxWebsite)
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.') && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;
    }

    private async Task<(Organization, Partner)> FindAsync(Guid organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new KeyNotFoundException("No such organization.");
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.OrganizationId == organizationId, ct) ?? throw new KeyNotFoundException("Not in the partner program.");
        return (organization, partner);
    }

    private static AuditRecord Subject(Organization organization) => OrganizationAuditActions.Record("organizations.partner", organization);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Text(string italian, string english) => new LocalizedText(italian, english).ToString();

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
