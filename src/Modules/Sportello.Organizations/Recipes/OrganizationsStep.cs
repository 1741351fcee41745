using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Recipes;
using Sportello.Core.Validation;
using Sportello.Identity;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Recipes;

public sealed record OrganizationsStepModel
{
    public required IReadOnlyList<OrganizationStepModel> Organizations { get; init; }

    /// <summary>Identity checks to show in the queue: waiting for the user, or already decided (photos are never part of a recipe).</summary>
    public IReadOnlyList<IdentityCheckStepModel> IdentityChecks { get; init; } = [];
}

/// <param name="HandledMinutes">For a decided check: how long the operator took after the photos arrived.</param>
public sealed record IdentityCheckStepModel(
    string Email, IdentityCheckPurpose Purpose, string Note, IdentityCheckStatus Status = IdentityCheckStatus.Open,
    string? Phone = null, string? Reason = null, int HandledMinutes = 60);

public sealed record OrganizationStepModel
{
    public required LegalData Data { get; init; }
    public required IReadOnlyList<MemberStepModel> Members { get; init; }
    public IReadOnlyList<TeamStepModel> Teams { get; init; } = [];

    /// <summary>The organization in the partner program: an application waiting, or an approved partner.</summary>
    public PartnerStepModel? Partner { get; init; }

    /// <summary>For a partner: organizations of this step (by legal name) that entrusted themselves to it.</summary>
    public IReadOnlyList<ClientStepModel> Clients { get; init; } = [];
}

public sealed record PartnerStepModel(
    PartnerStatus Status, string Website, string ServedAreas, string? Motivation = null, PartnerBenefit? Benefit = null, decimal? Percent = null, bool Listed = false);

/// <param name="Staff">E-mail addresses of the partner's collaborators who manage this client.</param>
public sealed record ClientStepModel(string Organization, ClientAccess Access, IReadOnlyList<string>? Areas = null, bool Billing = false, IReadOnlyList<string>? Staff = null);

/// <param name="Rights">Product rights of a collaborator (keys such as <c>pec.manage</c>).</param>
/// <param name="Contacts">The administrative messages the member receives; when left out, what they already had.</param>
public sealed record MemberStepModel(string Email, OrganizationRole Role, IReadOnlyList<string>? Rights = null, IReadOnlyList<ContactPurpose>? Contacts = null);

/// <param name="Members">E-mail addresses of members of the organization.</param>
public sealed record TeamStepModel(string Name, IReadOnlyList<string>? Members = null, IReadOnlyList<string>? Rights = null);

/// <summary>
/// "organizations": customer organizations with their members (users the <c>users</c> step created). An
/// organization already there (same partita IVA, else codice fiscale, else name, with the same legal representative)
/// is completed with the members it lacks, never duplicated, so the step can run again. Teams are matched by name;
/// rights, contacts and team members given are set exactly as written.
/// </summary>
public sealed class OrganizationsStep : RecipeStep<OrganizationsStepModel>
{
    public override string Name => "organizations";
    public override string ModuleId => OrganizationsModule.ModuleId;

    protected override IEnumerable<ValidationProblem> Validate(OrganizationsStepModel step, RecipePlan plan)
    {
        for (var i = 0; i < step.IdentityChecks.Count; i++)
        {
            var check = step.IdentityChecks[i];
            if (check.Status == IdentityCheckStatus.Submitted)
            {
                yield return new($"$.identityChecks[{i}].status", "Una ricetta non porta foto di documenti: una verifica è \"Open\", \"Approved\" o \"Rejected\".");
            }

            if (check.Status == IdentityCheckStatus.Rejected && string.IsNullOrWhiteSpace(check.Reason))
            {
                yield return new($"$.identityChecks[{i}].reason", "Una verifica respinta ha il motivo che l'utente legge.");
            }

            if (check.Status != IdentityCheckStatus.Open && PhoneNumber.Check(check.Phone) is { } phone)
            {
                yield return new($"$.identityChecks[{i}].phone", phone);
            }
        }

        for (var i = 0; i < step.Organizations.Count; i++)
        {
            var organization = step.Organizations[i];
            foreach (var problem in organization.Data.Check())
            {
                yield return new($"$.organizations[{i}].data.{char.ToLowerInvariant(problem.Field[0])}{problem.Field[1..]}", problem.Message);
            }

            if (!organization.Members.Any(m => m.Role == OrganizationRole.LegalRepresentative))
            {
                yield return new($"$.organizations[{i}].members", "Ogni organizzazione ha almeno un legale rappresentante (role \"LegalRepresentative\").");
            }

            if (organization.Partner is { Status: not (PartnerStatus.Applied or PartnerStatus.Approved) })
            {
                yield return new($"$.organizations[{i}].partner.status", "Una ricetta crea domande in attesa (\"Applied\") o partner approvati (\"Approved\").");
            }

            if (organization.Clients.Count > 0 && organization.Partner?.Status != PartnerStatus.Approved)
            {
                yield return new($"$.organizations[{i}].clients", "Solo un partner approvato ha clienti.");
            }

            for (var c = 0; c < organization.Clients.Count; c++)
            {
                if (!step.Organizations.Any(o => o.Data.LegalName == organization.Clients[c].Organization))
                {
                    yield return new($"$.organizations[{i}].clients[{c}].organization", $"Nessuna organizzazione «{organization.Clients[c].Organization}» in questo passo.");
                }
            }

            for (var t = 0; t < organization.Teams.Count; t++)
            {
                foreach (var (email, m) in (organization.Teams[t].Members ?? []).Select((e, m) => (e, m)))
                {
                    if (!organization.Members.Any(member => string.Equals(member.Email, email, StringComparison.OrdinalIgnoreCase)))
                    {
                        yield return new($"$.organizations[{i}].teams[{t}].members[{m}]", $"{email} non è fra i membri di questa organizzazione.");
                    }
                }
            }
        }
    }

    protected override async Task ExecuteAsync(OrganizationsStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var services = context.Services;
        var db = services.GetRequiredService<OrganizationsDbContext>();
        var memberships = services.GetRequiredService<Memberships>();
        var users = services.GetRequiredService<IUserDirectory>();
        var created = new List<(OrganizationStepModel Model, Organization Organization, Person LegalRepresentative)>();
        for (var i = 0; i < step.Organizations.Count; i++)
        {
            var model = step.Organizations[i];
            var people = new List<(Person Person, OrganizationRole Role)>();
            for (var m = 0; m < model.Members.Count; m++)
            {
                var user = await users.FindByEmailAsync(model.Members[m].Email, ct)
                    ?? throw new SportelloValidationException($"$.organizations[{i}].members[{m}].email", $"Nessun utente con l'indirizzo {model.Members[m].Email}: crealo prima con il passo \"users\".");
                people.Add((new Person(user.Id, user.Email, user.DisplayName), model.Members[m].Role));
            }

            // The same organization is the one with the same tax code (the same name, when it has none) whose legal
            // representative is the recipe's: never one a customer created under a look-alike name.
            var wanted = new Organization { LegalName = string.Empty };
            model.Data.Apply(wanted);
            var first = people.First(p => p.Role == OrganizationRole.LegalRepresentative);
            var existing = await (from o in db.Organizations.AsNoTracking()
                                  where wanted.PartitaIva != null ? o.PartitaIva == wanted.PartitaIva
                                      : wanted.CodiceFiscale != null ? o.CodiceFiscale == wanted.CodiceFiscale
                                      : o.LegalName == wanted.LegalName
                                  where db.Members.Any(m => m.OrganizationId == o.Id && m.UserId == first.Person.UserId && m.Role == OrganizationRole.LegalRepresentative)
                                  orderby o.CreatedUtc
                                  select o).FirstOrDefaultAsync(ct);
            var organization = existing ?? await memberships.CreateAsync(model.Data, first.Person, ct);
            foreach (var (person, role) in people)
            {
                await memberships.AddAsync(organization.Id, person, role, ct);
            }

            await DetailsAsync(services, organization.Id, model, people, $"$.organizations[{i}]", ct);
            created.Add((model, organization, first.Person));
        }

        // Partners after every organization exists, since their clients are organizations of the same step.
        foreach (var (model, organization, legalRepresentative) in created.Where(c => c.Model.Partner is not null))
        {
            await PartnerAsync(services, model, organization, legalRepresentative, created, ct);
        }

        for (var i = 0; i < step.IdentityChecks.Count; i++)
        {
            await IdentityCheckAsync(services, step.IdentityChecks[i], $"$.identityChecks[{i}]", ct);
        }
    }

    /// <summary>A check as the queue would hold it; the same user, purpose and note again is the same check. Its link is never sent.</summary>
    private static async Task IdentityCheckAsync(IServiceProvider services, IdentityCheckStepModel model, string path, CancellationToken ct)
    {
        var db = services.GetRequiredService<OrganizationsDbContext>();
        var user = await services.GetRequiredService<IUserDirectory>().FindByEmailAsync(model.Email, ct)
            ?? throw new SportelloValidationException($"{path}.email", $"Nessun utente con l'indirizzo {model.Email}: crealo prima con il passo \"users\".");
        if (await db.IdentityChecks.AnyAsync(c => c.UserId == user.Id && c.Purpose == model.Purpose && c.Note == model.Note, ct))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var decided = model.Status != IdentityCheckStatus.Open;
        var submitted = now.AddDays(-1);
        db.IdentityChecks.Add(new IdentityCheck
        {
            Id = Guid.CreateVersion7(), UserId = user.Id, Email = user.Email, DisplayName = user.DisplayName,
            OrganizationId = await db.Members.Where(m => m.UserId == user.Id).OrderBy(m => m.JoinedUtc).Select(m => (Guid?)m.OrganizationId).FirstOrDefaultAsync(ct),
            Purpose = model.Purpose, Note = model.Note, Status = model.Status, TokenHash = SecretToken.New().Hash, OpenedByName = "ricetta",
            OpenedUtc = submitted.AddHours(-2), LinkSentUtc = submitted.AddHours(-2),
            Phone = decided ? PhoneNumber.Validate(model.Phone).Normalized : null, PhoneConfirmedUtc = decided ? submitted.AddMinutes(-5) : null,
            SubmittedUtc = decided ? submitted : null, DecidedUtc = decided ? submitted.AddMinutes(model.HandledMinutes) : null,
            DecidedByName = decided ? "ricetta" : null, Reason = model.Reason,
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task DetailsAsync(IServiceProvider services, Guid organizationId, OrganizationStepModel model, List<(Person Person, OrganizationRole Role)> people, string path, CancellationToken ct)
    {
        var db = services.GetRequiredService<OrganizationsDbContext>();
        var memberships = services.GetRequiredService<Memberships>();
        var rights = services.GetRequiredService<ProductRights>();
        var teams = services.GetRequiredService<Teams>();
        var where = path;
        try
        {
            for (var m = 0; m < model.Members.Count; m++)
            {
                var (member, userId) = (model.Members[m], people[m].Person.UserId);
                where = $"{path}.members[{m}]";
                if (member.Rights is { } granted)
                {
                    await rights.SetForMemberAsync(organizationId, userId, granted, actorId: null, ct);
                }

                if (member.Contacts is { } contacts)
                {
                    await memberships.SetContactsAsync(organizationId, userId, contacts.Contains(ContactPurpose.Invoices), contacts.Contains(ContactPurpose.ExpiryNotices),
                        contacts.Contains(ContactPurpose.TechnicalNotices), actorId: null, ct);
                }
            }

            for (var t = 0; t < model.Teams.Count; t++)
            {
                var team = model.Teams[t];
                where = $"{path}.teams[{t}]";
                var id = await db.Teams.Where(x => x.OrganizationId == organizationId && x.Name == team.Name).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct)
                    ?? (await teams.CreateAsync(organizationId, team.Name, actorId: null, ct)).Id;
                if (team.Members is { } emails)
                {
                    var ids = people.Where(p => emails.Contains(p.Person.Email, StringComparer.OrdinalIgnoreCase)).Select(p => p.Person.UserId);
                    await teams.SetMembersAsync(organizationId, id, ids, actorId: null, ct);
                }

                if (team.Rights is { } granted)
                {
                    await rights.SetForTeamAsync(organizationId, id, granted, actorId: null, ct);
                }
            }
        }
        catch (SportelloValidationException refused)
        {
            // Rights are known only once the tenant's modules are: named here with the recipe's path.
            throw new SportelloValidationException(refused.Problems.Select(p => new ValidationProblem($"{where}.{char.ToLowerInvariant(p.Field[0])}{p.Field[1..]}", p.Message)).ToList());
        }
    }

    private static async Task PartnerAsync(IServiceProvider services, OrganizationStepModel model, Organization organization, Person legalRepresentative,
        List<(OrganizationStepModel Model, Organization Organization, Person LegalRepresentative)> created, CancellationToken ct)
    {
        var db = services.GetRequiredService<OrganizationsDbContext>();
        var partners = services.GetRequiredService<Partners>();
        var clients = services.GetRequiredService<PartnerClients>();
        var step = model.Partner!;
        var status = await db.Partners.Where(p => p.OrganizationId == organization.Id).Select(p => (PartnerStatus?)p.Status).SingleOrDefaultAsync(ct);
        if (status is null)
        {
            await partners.ApplyAsync(organization.Id, new(step.Website, step.ServedAreas, step.Motivation), legalRepresentative.UserId, ct);
            status = PartnerStatus.Applied;
        }

        if (step.Status == PartnerStatus.Approved && status == PartnerStatus.Applied)
        {
            await partners.ApproveAsync(organization.Id, step.Benefit, step.Percent, "ricetta", ct);
        }

        if (step.Listed)
        {
            await partners.ListAsync(organization.Id, true, legalRepresentative.UserId, ct);
        }

        foreach (var client in model.Clients)
        {
            var (_, clientOrganization, clientRepresentative) = created.First(c => c.Model.Data.LegalName == client.Organization);
            var relationship = await db.PartnerClients.FirstOrDefaultAsync(c => c.PartnerId == organization.Id && c.ClientId == clientOrganization.Id && c.Status == PartnerClientStatus.Active, ct);
            if (relationship is null)
            {
                await clients.EntrustAsync(clientOrganization.Id, organization.PartitaIva, new(client.Access, client.Areas ?? [], client.Billing), clientRepresentative.UserId, ct);
                relationship = await db.PartnerClients.SingleAsync(c => c.PartnerId == organization.Id && c.ClientId == clientOrganization.Id && c.Status == PartnerClientStatus.Active, ct);
            }

            if (client.Staff is { } staff)
            {
                var ids = await db.Members.Where(m => m.OrganizationId == organization.Id && staff.Contains(m.Email)).Select(m => m.UserId).ToListAsync(ct);
                await clients.SetStaffAsync(organization.Id, relationship.Id, ids, legalRepresentative.UserId, ct);
            }
        }
    }
}
