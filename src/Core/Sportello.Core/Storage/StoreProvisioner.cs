using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Storage;

/// <summary>Creates, checks and drops the container of a store: a SQLite file in WAL mode, or a PostgreSQL schema.</summary>
public static class StoreProvisioner
{
    public static async Task EnsureCreatedAsync(StoreProvider provider, string connectionString, CancellationToken ct = default)
    {
        if (provider == StoreProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();

            // WAL lets readers and one writer work at once; the setting is kept in the file.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(ct);
            return;
        }

        await using var pg = await OpenAsync(connectionString, ct);
        await using var create = pg.CreateCommand();
        create.CommandText = $"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(SchemaOf(connectionString))}";
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// True when the store does not exist yet, or holds nothing but the kernel's own tables: what a creation that
    /// stopped before its catalog entry was written leaves behind, with no tenant data in it.
    /// </summary>
    public static async Task<bool> IsFreeAsync(StoreProvider provider, string connectionString, CancellationToken ct = default)
    {
        if (provider == StoreProvider.Sqlite)
        {
            if (!File.Exists(new SqliteConnectionStringBuilder(connectionString).DataSource))
            {
                return true;
            }

            await using var sqlite = new SqliteConnection(connectionString);
            await sqlite.OpenAsync(ct);
            await using var tables = sqlite.CreateCommand();
            tables.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ({KernelTables})";
            return (long)(await tables.ExecuteScalarAsync(ct))! == 0;
        }

        await using var pg = await OpenAsync(connectionString, ct);
        await using var query = pg.CreateCommand();
        query.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name NOT IN ({KernelTables})";
        query.Parameters.AddWithValue("schema", SchemaOf(connectionString));
        return (long)(await query.ExecuteScalarAsync(ct))! == 0;
    }

    private const string KernelTables = "'OutboxMessages', 'OutboxDeliveries', 'AuditEntries', 'TenantFiles', 'TenantFileContents', '__migrations_kernel'";

    /// <summary>Deletes the store and everything in it; nothing happens when it is already gone.</summary>
    public static async Task DropAsync(StoreProvider provider, string connectionString, CancellationToken ct = default)
    {
        if (provider == StoreProvider.Sqlite)
        {
            // The caller has emptied this store's pool (StoreConnections.Forget); the file has no other connection.
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                File.Delete(path);
            }

            return;
        }

        await using var pg = await OpenAsync(connectionString, ct);
        await using var drop = pg.CreateCommand();
        drop.CommandText = $"DROP SCHEMA IF EXISTS {QuoteIdentifier(SchemaOf(connectionString))} CASCADE";
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Opens a PostgreSQL connection, turning "cannot reach the server" into a message an operator can act on.</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            throw new SportelloValidationException("store.server",
                $"Il server PostgreSQL {builder.Host}:{builder.Port} non risponde o rifiuta l'accesso: {ex.Message}");
        }
    }

    private static string SchemaOf(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).SearchPath
        ?? throw new InvalidOperationException("A PostgreSQL store needs a schema (SearchPath).");

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
