using System.Net;
using Npgsql;

namespace Sportello.Cluster.Tests;

/// <summary>
/// Two Host processes sharing one PostgreSQL database (catalog, tenant schemas, Quartz) and one Redis (change
/// messages, Data Protection keys), as two nodes behind a load balancer would.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public PostgresDatabase Database { get; private set; } = null!;
    public HostProcess A { get; private set; } = null!;
    public HostProcess B { get; private set; } = null!;
    public string KeyPrefix { get; } = "sportello-test-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        var redis = Environment.GetEnvironmentVariable("SPORTELLO_TEST_REDIS")
            ?? throw new InvalidOperationException("SPORTELLO_TEST_REDIS is not set: run the tests through scripts/test.sh.");
        var settings = new Dictionary<string, string>
        {
            ["Sportello:Postgres:Servers:main"] = Database.ConnectionString,
            ["Sportello:HostStore:Provider"] = "Postgres",
            ["Sportello:HostStore:Server"] = "main",
            ["Sportello:DefaultStore:Provider"] = "Postgres",
            ["Sportello:DefaultStore:Server"] = "main",
            ["Sportello:Cluster:Redis"] = redis,
            ["Sportello:Cluster:KeyPrefix"] = KeyPrefix,
            ["Sportello:Cluster:HeartbeatInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        // Started together on purpose: the start-up lock decides which one provisions the first-run recipes.
        A = HostProcess.Start(settings);
        B = HostProcess.Start(settings);
        await Task.WhenAll(A.WaitReadyAsync(TimeSpan.FromSeconds(120)), B.WaitReadyAsync(TimeSpan.FromSeconds(120)));
    }

    /// <summary>Clients for A and B that share one cookie jar, as one browser sent to either node.</summary>
    public (HttpClient A, HttpClient B) Browser()
    {
        var cookies = new CookieContainer();
        HttpClient For(HostProcess node) => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = node.BaseAddress,
        };

        return (For(A), For(B));
    }

    public async Task<NpgsqlConnection> OpenHostStoreAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { SearchPath = "sportello_host" }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync().AsTask(), B.DisposeAsync().AsTask());
        await Database.DisposeAsync();
    }
}
