using Npgsql;

namespace Sportello.Bench.TenantScale;

/// <summary>A database created for one benchmark run on the given server, dropped at the end.</summary>
internal sealed class BenchDatabase(string admin, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();

    public static async Task<BenchDatabase> CreateAsync(string admin)
    {
        var name = "sportello_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        await command.ExecuteNonQueryAsync();
        return new BenchDatabase(admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
