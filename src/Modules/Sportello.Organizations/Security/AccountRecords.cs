using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Security;

internal sealed class AccountRecords(OrganizationsDbContext db, Memberships memberships) : IAccountRecords
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AccountRecord>>> OfAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<AccountRecord>>();
        }

        var rows = await (from m in db.Members.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                          where userIds.Contains(m.UserId)
                          orderby o.LegalName
                          select new { m.UserId, Record = new AccountRecord(o.Id, o.LegalName, o.Kind, m.Role) }).ToListAsync(ct);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<AccountRecord>)g.Select(r => r.Record).ToList());
    }

    public async Task<IReadOnlyList<RecordAccount>> AccountsOfAsync(Guid organizationId, CancellationToken ct = default) =>
        await db.Members.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.Role).ThenBy(m => m.DisplayName)
            .Select(m => new RecordAccount(m.UserId, m.Email, m.DisplayName, m.Role)).ToListAsync(ct);

    public async Task<Dissociation> DissociateAsync(Guid organizationId, string userId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Serializable: two dissociations of one account from its last two records at the same moment read
                // the same memberships, and the store lets only one of them commit; the other reads again.
                await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
                var outcome = await DissociateOnceAsync(organizationId, userId, ct);
                await transaction.CommitAsync(ct);
                return outcome;
            }
            catch (LastLegalRepresentativeException)
            {
                return Dissociation.LastLegalRepresentative;
            }
            catch (Exception failed) when (attempt < 3 && Sportello.Core.Storage.StoreConflicts.IsConflict(failed))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Dissociation> DissociateOnceAsync(Guid organizationId, string userId, CancellationToken ct)
    {
        var records = await db.Members.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.OrganizationId).ToListAsync(ct);
        if (!records.Contains(organizationId))
        {
            return Dissociation.NotLinked;
        }

        if (records.Count == 1)
        {
            return Dissociation.LastRecord;
        }

        // The platform's hand (no actor): Memberships still keeps the last legal representative.
        await memberships.RemoveAsync(organizationId, userId, leaving: false, actorId: null, ct);
        return Dissociation.Dissociated;
    }
}
