using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Npgsql;
using Sportello.Bench.Commerce;

// Seeds the stores once, here, and lets BenchmarkDotNet's child processes find them through the environment.
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault() ?? Environment.GetEnvironmentVariable("SPORTELLO_TEST_POSTGRES");
if (postgres is null)
{
    Console.Error.WriteLine("Give a PostgreSQL server: --postgres \"Host=…;Username=…;Password=…;Database=postgres\" (or SPORTELLO_TEST_POSTGRES).");
    return 1;
}

var file = Path.Combine(Path.GetTempPath(), $"sportello-bench-commerce-{Guid.NewGuid():N}.db");
var database = "sportello_bench_" + Guid.NewGuid().ToString("N")[..8];
Console.WriteLine($"Seeding {AccountStores.Accounts:N0} accounts in SQLite ({file})...");
AccountStores.CreateSqlite(file);
{
    await using (var admin = new NpgsqlConnection(postgres))
    {
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
    }

    Console.WriteLine($"Seeding {AccountStores.Accounts:N0} accounts twice in PostgreSQL ({database}: with and without the search indexes)...");
    AccountStores.CreatePostgres(new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString());
}

try
{
    var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithId("short"));
    BenchmarkRunner.Run<AccountSearchBenchmark>(config);
}
finally
{
    File.Delete(file);
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(postgres);
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
}

return 0;
