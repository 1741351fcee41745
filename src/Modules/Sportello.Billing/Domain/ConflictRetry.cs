using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;

namespace Sportello.Billing.Domain;

/// <summary>
/// Runs a change again, on fresh data, when a parallel one committed first (an order's or a balance's version moved,
/// SQLite was busy): the second payment then finds the order already paid and is refused in words.
/// </summary>
internal static class ConflictRetry
{
    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> change, int attempts = 8)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await change();
            }
            catch (Exception failed) when (attempt < attempts && StoreConflicts.IsConflict(failed))
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20 * attempt));
            }
        }
    }
}
