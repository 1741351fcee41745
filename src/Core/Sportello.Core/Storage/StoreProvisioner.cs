using Microsoft.Data.Sqlite;
using Npgsql;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>Creates the empty container of a store: a SQLite file in WAL mode, or a PostgreSQL schema.</summary>
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

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = builder.SearchPath ?? throw new InvalidOperationException("A PostgreSQL store needs a schema (SearchPath).");
        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync(ct);
        await using var create = pg.CreateCommand();
        create.CommandText = $"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(schema)}";
        await create.ExecuteNonQueryAsync(ct);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
