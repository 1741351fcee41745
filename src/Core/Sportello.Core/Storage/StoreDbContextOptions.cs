using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

internal static class StoreDbContextOptions
{
    /// <summary>Points an EF Core context at a store, whichever provider it uses.</summary>
    public static DbContextOptionsBuilder UseStore(this DbContextOptionsBuilder builder, StoreProvider provider, string connectionString) =>
        provider switch
        {
            StoreProvider.Sqlite => builder.UseSqlite(connectionString),
            StoreProvider.Postgres => builder.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
}
