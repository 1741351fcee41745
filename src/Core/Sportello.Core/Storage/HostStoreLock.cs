using Npgsql;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>
/// A cluster-wide lock for start-up work (host migrations, first-run recipes): a PostgreSQL session advisory lock,
/// released when the connection closes, so a node that dies mid-way does not hold it. SQLite hosts are single-node.
/// </summary>
internal static class HostStoreLock
{
    // Any constant works; this one spells "SPRT".
    private const long StartupKey = 0x53505254;

    public static async Task<IAsyncDisposable> AcquireAsync(HostStore store, CancellationToken ct)
    {
        if (store.Provider != StoreProvider.Postgres)
        {
            return NoLock.Instance;
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT pg_advisory_lock({StartupKey})";
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
