using Microsoft.Extensions.DependencyInjection;
using Sportello.Billing.Domain;
using Sportello.Core.Recipes;
using Sportello.Core.Validation;
using Sportello.Organizations;

namespace Sportello.Billing.Recipes;

public sealed record CatalogStepModel
{
    public required IReadOnlyList<ProductStepModel> Products { get; init; }

    public IReadOnlyList<AgreementStepModel> Agreements { get; init; } = [];
}

/// <param name="Type">A product type's code: <c>billing.servizio</c>, or one a product module registers.</param>
/// <param name="Prices">The list price per term code (<c>1y</c>, <c>2y</c>, <c>3y</c>, <c>1m</c>, <c>one-off</c>), net of VAT.</param>
/// <param name="VatNature">For a zero rate: the legal nature (N2.2, N4...).</param>
public sealed record ProductStepModel(
    string Code, string Type, string Name, IReadOnlyDictionary<string, decimal> Prices, string? Description = null,
    decimal VatPercent = 22m, string? VatNature = null, bool ManualActivation = false, bool Active = true);

/// <param name="Prices">The agreement's prices: product code → term code → amount.</param>
/// <param name="Organizations">Legal names of organizations (of the <c>organizations</c> step) attached to it.</param>
public sealed record AgreementStepModel(
    string Code, string Name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Prices, IReadOnlyList<string>? Organizations = null);

/// <summary>
/// "catalog": the products the tenant sells with their prices per term, and its agreements ("convenzioni") with their
/// own prices and organizations. Products and agreements are matched by code, so the step can run again: what it
/// names is set as written, prices included; what it does not name is left alone.
/// </summary>
public sealed class CatalogStep : RecipeStep<CatalogStepModel>
{
    public override string Name => "catalog";
    public override string ModuleId => BillingModule.ModuleId;

    protected override IEnumerable<ValidationProblem> Validate(CatalogStepModel step, RecipePlan plan)
    {
        for (var i = 0; i < step.Products.Count; i++)
        {
            foreach (var problem in CatalogRules.Check(step.Products[i]))
            {
                yield return problem with { Field = $"$.products[{i}].{problem.Field}" };
            }
        }

        for (var a = 0; a < step.Agreements.Count; a++)
        {
            var agreement = step.Agreements[a];
            if (!CatalogRules.IsCode(agreement.Code))
            {
                yield return new($"$.agreements[{a}].code", CatalogRules.CodeRule);
            }

            foreach (var (product, prices) in agreement.Prices)
            {
                foreach (var (term, amount) in prices)
                {
                    if (Term.Find(term) is null || amount < 0)
                    {
                        yield return new($"$.agreements[{a}].prices.{product}.{term}", "Una durata fra 1y, 2y, 3y, 1m e one-off, con un prezzo non negativo.");
                    }
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CatalogStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var services = context.Services;
        var editor = services.GetRequiredService<CatalogEditor>();
        for (var i = 0; i < step.Products.Count; i++)
        {
            try
            {
                await editor.SaveProductAsync(step.Products[i], i, ct);
            }
            catch (SportelloValidationException refused)
            {
                throw new SportelloValidationException(refused.Problems.Select(p => p with { Field = $"$.products[{i}].{p.Field}" }).ToList());
            }
        }

        var directory = services.GetRequiredService<IOrganizationDirectory>();
        for (var a = 0; a < step.Agreements.Count; a++)
        {
            var model = step.Agreements[a];
            var agreement = await editor.SaveAgreementAsync(model.Code, model.Name, ct);
            foreach (var (code, prices) in model.Prices)
            {
                try
                {
                    await editor.SetAgreementPricesAsync(agreement.Id, code, prices, ct);
                }
                catch (SportelloValidationException refused)
                {
                    throw new SportelloValidationException(refused.Problems.Select(p => p with { Field = $"$.agreements[{a}].prices.{code}" }).ToList());
                }
            }

            var organizations = model.Organizations ?? [];
            for (var o = 0; o < organizations.Count; o++)
            {
                var organization = (await directory.NamedAsync(organizations[o], ct)).FirstOrDefault()
                    ?? throw new SportelloValidationException($"$.agreements[{a}].organizations[{o}]", $"Nessuna organizzazione «{organizations[o]}»: creala prima con il passo \"organizations\".");
                await editor.AttachAsync(agreement.Id, organization.Id, ct);
            }
        }
    }
}
