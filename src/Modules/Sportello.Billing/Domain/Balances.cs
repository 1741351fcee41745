using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Finance;

namespace Sportello.Billing.Domain;

/// <summary>
/// The prepaid balance of an organization as a ledger. Every movement is added with the account's version raised,
/// so two movements at once cannot both spend the same money: the second fails and is retried on the new balance.
/// </summary>
public sealed class Balances(BillingDbContext db, Catalog catalog)
{
    public static readonly decimal MinTopUp = 0.10m;
    public static readonly decimal MaxTopUp = 9_999.00m;

    public async Task<Money> OfAsync(Guid organizationId, CancellationToken ct)
    {
        var sum = await db.BalanceEntries.Where(e => e.OrganizationId == organizationId).SumAsync(e => (decimal?)e.Amount, ct) ?? 0m;
        return new Money(sum, catalog.Currency);
    }

    public Task<List<BalanceEntry>> MovementsAsync(Guid organizationId, int take, CancellationToken ct) =>
        db.BalanceEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderByDescending(e => e.OccurredUtc).Take(take).ToListAsync(ct);

    /// <summary>Adds a movement to the context (saved by the caller) and raises the account's version.</summary>
    public async Task AddAsync(BalanceEntry entry, CancellationToken ct)
    {
        var account = await db.BalanceAccounts.FirstOrDefaultAsync(a => a.OrganizationId == entry.OrganizationId, ct);
        if (account is null)
        {
            db.BalanceAccounts.Add(new BalanceAccount { OrganizationId = entry.OrganizationId, Version = 1 });
        }
        else
        {
            account.Version++;
        }

        db.BalanceEntries.Add(entry);
    }
}
