using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;

namespace Sportello.Billing.Domain;

/// <summary>
/// Gapless numbers: the next number is taken by an UPDATE of the counter row inside the caller's transaction, which
/// locks the row until that transaction ends, so parallel documents wait their turn and a rolled-back one gives its
/// number back. Callers must hold a transaction.
/// </summary>
public sealed class DocumentNumbers(BillingDbContext db)
{
    public async Task<DocumentNumber> NextAsync(string kind, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A document number is taken inside the transaction that saves the document.");
        }

        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "Billing_Counters" ("Kind", "Year", "Last") VALUES ({kind}, {year}, 0) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE "Billing_Counters" SET "Last" = "Last" + 1 WHERE "Kind" = {kind} AND "Year" = {year} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        return new DocumentNumber(year, next.Single());
    }
}
