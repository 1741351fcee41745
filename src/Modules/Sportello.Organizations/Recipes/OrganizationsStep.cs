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
}

public sealed record OrganizationStepModel
{
    public required LegalData Data { get; init; }
    public required IReadOnlyList<MemberStepModel> Members { get; init; }
}

public sealed record MemberStepModel(string Email, OrganizationRole Role);

/// <summary>
/// "organizations": customer organizations with their members (users the <c>users</c> step created). An
/// organization already there (same partita IVA, else codice fiscale, else name, with the same legal representative)
/// is completed with the members it lacks, never duplicated, so the step can run again.
/// </summary>
public sealed class OrganizationsStep : RecipeStep<OrganizationsStepModel>
{
    public override string Name => "organizations";
    public override string ModuleId => OrganizationsModule.ModuleId;

    protected override IEnumerable<ValidationProblem> Validate(OrganizationsStepModel step, RecipePlan plan)
    {
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
        }
    }

    protected override async Task ExecuteAsync(OrganizationsStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var services = context.Services;
        var db = services.GetRequiredService<OrganizationsDbContext>();
        var memberships = services.GetRequiredService<Memberships>();
        var users = services.GetRequiredService<IUserDirectory>();
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
        }
    }
}
