using System.Diagnostics;
using System.Globalization;

namespace Sportello.Bench.TenantScale;

/// <summary>Runs the tenant-scale benchmark end to end and prints its figures.</summary>
internal sealed class Orchestrator(BenchOptions options)
{
    private const double Mb = 1024 * 1024;
    private const int Warmup = 5;

    public async Task<int> RunAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "sportello-bench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        Console.WriteLine($"Sportello tenant-scale benchmark ({options.Served} served, {options.Catalog} in catalog, load: {Load.Tool}, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"App_Data under {root}");
        try
        {
            var empty = Path.Combine(root, "empty");
            var data = Path.Combine(root, "tenants");

            // Memory with an empty catalog.
            long emptyRss;
            await using (var host = await ChildHost.StartAsync(empty, 5301))
            {
                emptyRss = await host.SettledResidentBytesAsync();
            }

            // Provisioning through the recipe executor.
            var rate = await Provisioning.RunAsync(data, 0, options.Served);
            Console.WriteLine($"Provisioning (SQLite files, reseller recipe): {rate:F1} tenants/s over {options.Served} tenants");

            // Idle tenants release their caches quickly here, so "released" can be measured without waiting 20 minutes.
            var release = new Dictionary<string, string?>
            {
                ["Sportello:Tenants:IdleRelease"] = "00:00:10",
                ["Sportello:Tenants:SweepInterval"] = "00:00:01",
            };
            await using (var host = await ChildHost.StartAsync(data, 5302, release))
            {
                var (startRss, startHeap) = await host.SettledAsync();

                // Warm the process (JIT, Razor, EF model) on a few tenants left out of the figures below, so they
                // measure a cold tenant rather than a cold process.
                for (var i = options.Served - Warmup; i < options.Served; i++)
                {
                    (await host.Client.GetAsync($"{Provisioning.TenantName(i)}/")).EnsureSuccessStatusCode();
                }

                // The first request of each other tenant is a cold one: nothing of that tenant is built yet.
                var measured = options.Served - Warmup;
                var latencies = new List<double>(measured);
                for (var i = 0; i < measured; i++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await host.Client.GetAsync($"{Provisioning.TenantName(i)}/");
                    await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    response.EnsureSuccessStatusCode();
                }

                var (servedRss, servedHeap) = await host.SettledAsync();
                latencies.Sort();
                await Task.Delay(TimeSpan.FromSeconds(12));
                var (releasedRss, releasedHeap) = await host.SettledAsync();

                // Warm both paths, then measure them one after the other in this process.
                await Load.RequestsPerSecondAsync(host.Port, "/bare", null, 2, options.Connections);
                await Load.RequestsPerSecondAsync(host.Port, "/", options.Served, 2, options.Connections);
                var bare = await Load.RequestsPerSecondAsync(host.Port, "/bare", null, options.Seconds, options.Connections);
                var home = await Load.RequestsPerSecondAsync(host.Port, "/", options.Served, options.Seconds, options.Connections);

                Console.WriteLine($"Memory after start, 0 tenants in catalog: {emptyRss / Mb:F1} MB");
                Console.WriteLine($"Memory after start, {options.Served} tenants in catalog: {startRss / Mb:F1} MB");
                Console.WriteLine($"Memory after {options.Served} tenants each served one request: {servedRss / Mb:F1} MB "
                    + $"({(servedRss - startRss) / 1024.0 / options.Served:F1} KB per activated tenant, warm-up included)");
                Console.WriteLine($"Managed heap: {startHeap / Mb:F1} MB before any tenant was activated, {servedHeap / Mb:F1} MB with {options.Served} activated, "
                    + $"{releasedHeap / Mb:F1} MB after they were idle and released ({(servedHeap - releasedHeap) / 1024.0 / options.Served:F1} KB per tenant given back; "
                    + $"resident memory {releasedRss / Mb:F1} MB, the runtime keeps freed pages)");
                Console.WriteLine($"First request to a cold tenant ({measured} tenants): p50 {Percentile(latencies, 50):F2} ms, p99 {Percentile(latencies, 99):F2} ms, max {latencies[^1]:F2} ms");
                Console.WriteLine($"Throughput ({options.Connections} connections, {options.Seconds} s each): bare endpoint {bare:F0} req/s, "
                    + $"tenant home page (random of {options.Served}) {home:F0} req/s = {100 * home / bare:F0}% of bare");
            }

            PrintSessionCheck("SQLite", await SessionCheckCost.RunAsync(data, 5310, options.Seconds, options.Connections));

            if (options.Postgres is { } server)
            {
                await using var database = await BenchDatabase.CreateAsync(server);
                var pgRate = await Provisioning.RunAsync(Path.Combine(root, "pg"), 0, options.Served, BenchHost.Postgres(database.ConnectionString));
                Console.WriteLine($"Provisioning (PostgreSQL schemas, reseller recipe): {pgRate:F1} tenants/s over {options.Served} tenants");
                PrintSessionCheck("PostgreSQL", await SessionCheckCost.RunAsync(Path.Combine(root, "pg"), 5312, options.Seconds, options.Connections, BenchHost.Postgres(database.ConnectionString)));

                var visible = await ModuleChangeVisibility.RunAsync(root, database.ConnectionString, options.Redis, options.Changes);
                Console.WriteLine($"Module change visible on the second node ({options.Changes} changes, PostgreSQL + Redis): "
                    + $"p50 {Percentile(visible, 50):F1} ms, p99 {Percentile(visible, 99):F1} ms, max {visible[^1]:F1} ms");
            }
            else
            {
                Console.WriteLine("PostgreSQL and two-node runs skipped: pass --postgres <connection string> (or set SPORTELLO_TEST_POSTGRES).");
            }

            if (options.Catalog > options.Served)
            {
                var more = await Provisioning.RunAsync(data, options.Served, options.Catalog);
                Console.WriteLine($"Provisioning up to {options.Catalog} tenants: {more:F1} tenants/s");
                await using var host = await ChildHost.StartAsync(data, 5303);
                Console.WriteLine($"Memory after start, {options.Catalog} tenants in catalog: {await host.SettledResidentBytesAsync() / Mb:F1} MB");
                using var probe = await host.Client.GetAsync($"{Provisioning.TenantName(options.Catalog - 1)}/");
                Console.WriteLine($"Tenant {Provisioning.TenantName(options.Catalog - 1)} answers {(int)probe.StatusCode}");
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private void PrintSessionCheck(string store, SessionCheckCost.Result result) =>
        Console.WriteLine($"Signed-in profile page ({store}, {options.Connections} connections, {options.Seconds} s rounds, median of 3): "
            + $"stamp checked on every request {result.Checked.RequestsPerSecond:F0} req/s (p50 {result.Checked.P50Ms:F2} ms, p99 {result.Checked.P99Ms:F2} ms), "
            + $"unchecked {result.Unchecked.RequestsPerSecond:F0} req/s (p50 {result.Unchecked.P50Ms:F2} ms, p99 {result.Unchecked.P99Ms:F2} ms) = "
            + $"{100 * result.Checked.RequestsPerSecond / result.Unchecked.RequestsPerSecond:F0}% of unchecked, "
            + $"{1e6 / result.Checked.RequestsPerSecond - 1e6 / result.Unchecked.RequestsPerSecond:F0} µs more of the server's time per request");

    private static double Percentile(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
