using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Finance;
using Sportello.Organizations;

namespace Sportello.Billing.Domain;

/// <summary>
/// The partner console's figures for a calendar year (UTC): the net of the paid orders of the clients the partner manages
/// now (top-ups are money held, not bought, so they do not count), and what its discount saved on its own orders plus the
/// cashback credited to its balance.
/// </summary>
public sealed class PartnerRevenue(BillingDbContext db, IPartnerTerms partners, Catalog catalog) : IPartnerRevenue
{
    public async Task<PartnerFigures> ForAsync(Guid partnerId, int year, CancellationToken ct = default)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var paid = db.Orders.AsNoTracking().Where(o => o.PaidUtc >= from && o.PaidUtc < to && o.Kind != OrderKind.TopUp);

        var clients = await partners.ClientsOfAsync(partnerId, ct);
        var volume = clients.Count == 0 ? 0m
            : await paid.Where(o => clients.Contains(o.OrganizationId)).SumAsync(o => (decimal?)o.Net, ct) ?? 0m;

        // Orders keep the discounted net and the percentage: the list net was net / (1 - percentage).
        var discounted = await paid.Where(o => o.OrganizationId == partnerId && o.Discount > 0 && o.Discount < 100)
            .Select(o => new { o.Net, o.Discount }).ToListAsync(ct);
        var saved = discounted.Sum(o => Money.RoundCents(o.Net * o.Discount / (100m - o.Discount)));
        var cashback = await db.BalanceEntries.AsNoTracking()
            .Where(e => e.OrganizationId == partnerId && e.Kind == BalanceEntryKind.Cashback && e.OccurredUtc >= from && e.OccurredUtc < to)
            .SumAsync(e => (decimal?)e.Amount, ct) ?? 0m;

        return new PartnerFigures(new Money(volume, catalog.Currency), new Money(saved + cashback, catalog.Currency));
    }
}
