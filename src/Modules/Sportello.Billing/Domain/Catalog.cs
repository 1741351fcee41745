using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Finance;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Domain;

/// <summary>The tenant's products and their prices, as orders read them.</summary>
public sealed class Catalog(BillingDbContext db, TenantContext tenant)
{
    public Currency Currency => Currency.Find(tenant.Settings.Currency) ?? Currency.Eur;

    /// <summary>Products a customer may order now, in the catalog's order, with their list prices per term.</summary>
    public async Task<IReadOnlyList<(Product Product, IReadOnlyList<ProductPrice> Prices)>> OfferAsync(Guid? agreementId, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Position).ThenBy(p => p.Name).ToListAsync(ct);
        var ids = products.Select(p => p.Id).ToList();
        var prices = await db.Prices.AsNoTracking().Where(p => ids.Contains(p.ProductId) && (p.AgreementId == null || p.AgreementId == agreementId)).ToListAsync(ct);
        return products.Select(p => (p, (IReadOnlyList<ProductPrice>)Effective(prices.Where(x => x.ProductId == p.Id), agreementId).ToList())).ToList();
    }

    /// <summary>The price of a product for a term: the agreement's when it has one, else the list price; null when not priced.</summary>
    public async Task<(decimal Amount, bool AgreementPrice)?> PriceAsync(Guid productId, Term term, Guid? agreementId, CancellationToken ct)
    {
        var code = term.Code;
        var prices = await db.Prices.AsNoTracking()
            .Where(p => p.ProductId == productId && p.Term == code && (p.AgreementId == null || p.AgreementId == agreementId))
            .ToListAsync(ct);
        var price = Effective(prices, agreementId).FirstOrDefault();
        return price is null ? null : (price.Amount, price.AgreementId is not null);
    }

    /// <summary>The agreement the organization is attached to, if any (an organization belongs to at most one).</summary>
    public Task<Agreement?> AgreementOfAsync(Guid organizationId, CancellationToken ct) =>
        (from m in db.AgreementMembers
         join a in db.Agreements on m.AgreementId equals a.Id
         where m.OrganizationId == organizationId && a.Active
         select a).AsNoTracking().FirstOrDefaultAsync(ct);

    // Per term, an agreement's price wins over the list price.
    private static IEnumerable<ProductPrice> Effective(IEnumerable<ProductPrice> prices, Guid? agreementId) =>
        prices.GroupBy(p => p.Term).Select(g => g.FirstOrDefault(p => agreementId is not null && p.AgreementId == agreementId) ?? g.First(p => p.AgreementId is null));
}
