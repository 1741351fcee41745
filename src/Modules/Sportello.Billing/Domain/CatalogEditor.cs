using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Recipes;
using Sportello.Core.Audit;
using Sportello.Core.Validation;

namespace Sportello.Billing.Domain;

/// <summary>
/// Changes to the catalog, for the recipe step and the back office alike: a product set as described (matched by
/// code, prices replaced), an agreement's prices and organizations. Past orders keep the prices they were placed at.
/// </summary>
public sealed class CatalogEditor(BillingDbContext db, ProductTypes types, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Creates or updates the product with this code; refuses, naming the field, what the catalog cannot sell.</summary>
    public async Task<Product> SaveProductAsync(ProductStepModel model, int? position, CancellationToken ct)
    {
        var problems = CatalogRules.Check(model).ToList();
        var type = types.Sold(model.Type);
        if (type is null)
        {
            problems.Add(new("type", BillingText.Of($"Il tipo «{model.Type}» non è di un modulo abilitato.", $"The type '{model.Type}' is not of an enabled module.")));
        }
        else
        {
            problems.AddRange(model.Prices.Keys.Where(t => Term.Find(t) is { } term && !type.Allows(term))
                .Select(t => new ValidationProblem($"prices.{t}", BillingText.Of($"Il tipo «{model.Type}» non si vende per la durata {t}.", $"The type '{model.Type}' is not sold for the term {t}."))));
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var product = await db.Products.FirstOrDefaultAsync(p => p.Code == model.Code, ct);
        if (product is null)
        {
            product = new Product { Code = model.Code, Type = model.Type, Name = model.Name, Position = position ?? await db.Products.CountAsync(ct) };
            db.Products.Add(product);
        }
        else if (product.Type != model.Type)
        {
            throw new SportelloValidationException("type", BillingText.Of("Il tipo di un prodotto non cambia: crea un prodotto nuovo.", "A product's type does not change: create a new product."));
        }

        (product.Name, product.Description, product.VatPercent, product.VatNature, product.ManualActivation, product.Active) =
            (model.Name.Trim(), string.IsNullOrWhiteSpace(model.Description) ? null : model.Description.Trim(), model.VatPercent, model.VatNature, model.ManualActivation, model.Active);
        if (position is { } at)
        {
            product.Position = at;
        }

        await SetPricesAsync(product.Id, null, model.Prices, ct);
        Audit(product.Code);
        await db.SaveChangesAsync(ct);
        return product;
    }

    /// <summary>Creates or renames the agreement with this code.</summary>
    public async Task<Agreement> SaveAgreementAsync(string? code, string? name, CancellationToken ct)
    {
        var problems = new List<ValidationProblem>();
        if (!CatalogRules.IsCode(code))
        {
            problems.Add(new("code", CatalogRules.CodeRule));
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            problems.Add(new("name", BillingText.Of("Il nome è obbligatorio, al massimo 200 caratteri.", "The name is required, at most 200 characters.")));
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Code == code, ct);
        if (agreement is null)
        {
            agreement = new Agreement { Code = code!, Name = name!.Trim() };
            db.Agreements.Add(agreement);
        }

        agreement.Name = name!.Trim();
        Audit(agreement.Code);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    /// <summary>Sets the agreement's prices of one product, as given (an empty list removes them).</summary>
    public async Task SetAgreementPricesAsync(Guid agreementId, string productCode, IReadOnlyDictionary<string, decimal> prices, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Code == productCode, ct)
            ?? throw new SportelloValidationException("product", BillingText.Of($"Nessun prodotto «{productCode}» nel catalogo.", $"No product '{productCode}' in the catalog."));
        var type = types.Find(product.Type);
        var wrong = prices.FirstOrDefault(p => Term.Find(p.Key) is not { } term || type?.Allows(term) != true || p.Value < 0 || decimal.Round(p.Value, 2) != p.Value);
        if (wrong.Key is not null)
        {
            throw new SportelloValidationException($"prices.{wrong.Key}", BillingText.Of(
                "Una durata del prodotto, con un prezzo non negativo al centesimo.", "One of the product's terms, with a non-negative price to the cent."));
        }

        await SetPricesAsync(product.Id, agreementId, prices, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Attaches an organization to the agreement, taking it out of any other: an organization is in one at a time.</summary>
    public async Task AttachAsync(Guid agreementId, Guid organizationId, CancellationToken ct)
    {
        await db.AgreementMembers.Where(m => m.OrganizationId == organizationId && m.AgreementId != agreementId).ExecuteDeleteAsync(ct);
        if (!await db.AgreementMembers.AnyAsync(m => m.OrganizationId == organizationId && m.AgreementId == agreementId, ct))
        {
            db.AgreementMembers.Add(new AgreementMember { AgreementId = agreementId, OrganizationId = organizationId, AttachedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
    }

    public Task DetachAsync(Guid agreementId, Guid organizationId, CancellationToken ct) =>
        db.AgreementMembers.Where(m => m.OrganizationId == organizationId && m.AgreementId == agreementId).ExecuteDeleteAsync(ct);

    private async Task SetPricesAsync(Guid productId, Guid? agreementId, IReadOnlyDictionary<string, decimal> prices, CancellationToken ct)
    {
        await db.Prices.Where(p => p.ProductId == productId && p.AgreementId == agreementId).ExecuteDeleteAsync(ct);
        foreach (var (term, amount) in prices)
        {
            db.Prices.Add(new ProductPrice { ProductId = productId, AgreementId = agreementId, Term = Term.Find(term)!.Value.Code, Amount = amount });
        }
    }

    private void Audit(string code) =>
        audit.Add(db, AuditRecord.Of(BillingAuditActions.CatalogChanged, BillingAuditActions.CatalogSubject, code, code));
}
