using System.Collections.Concurrent;
using Npgsql;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>
/// Named locks that hold across nodes: a PostgreSQL session advisory lock on the host store, released when its
/// connection closes, so a node that dies mid-way does not keep it. A SQLite host is single-node, so a lock in
/// this process is enough there.
/// </summary>
public sealed class HostLocks(HostStore store)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Local = new(StringComparer.Ordinal);

    /// <summary>Waits for the lock named <paramref name="key"/>; disposing the result releases it.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken ct)
    {
        if (store.Provider != StoreProvider.Postgres)
        {
            var gate = Local.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(ct);
            return new Release(gate);
        }

        // A pooled connection: the lock is released explicitly before it goes back to the pool (and by
        // PostgreSQL if the node dies holding it).
        var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_advisory_lock(hashtext(@key))";
        command.Parameters.AddWithValue("key", "sportello:" + key);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new Unlock(connection, "sportello:" + key);
    }

    private sealed class Unlock(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT pg_advisory_unlock(hashtext(@key))";
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
