namespace Sportello.Bench.TenantScale;

/// <param name="Served">Tenants provisioned from the recipe and then each served one cold request.</param>
/// <param name="Catalog">Tenants in the catalog for the largest memory measurement.</param>
/// <param name="Seconds">Duration of each throughput run.</param>
/// <param name="Changes">Module changes timed on the second node.</param>
/// <param name="Postgres">Server for the PostgreSQL and two-node runs (a database is created and dropped); none skips them.</param>
/// <param name="Redis">Redis for the two-node run.</param>
internal sealed record BenchOptions(int Served, int Catalog, int Seconds, int Connections, int Changes, string? Postgres, string Redis)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Get(string name, int fallback) => Text(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

        return new BenchOptions(
            Get("--served", 1000),
            Get("--catalog", 10000),
            Get("--seconds", 10),
            Get("--connections", 32),
            Get("--changes", 100),
            Text("--postgres") ?? Environment.GetEnvironmentVariable("SPORTELLO_TEST_POSTGRES"),
            Text("--redis") ?? Environment.GetEnvironmentVariable("SPORTELLO_TEST_REDIS") ?? "127.0.0.1:6379");
    }
}
