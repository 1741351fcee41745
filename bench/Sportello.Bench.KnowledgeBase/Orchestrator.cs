using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Bench.TenantScale;
using Sportello.Core;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Search;
using Sportello.Tenants.Domain;

namespace Sportello.Bench.KnowledgeBase;

/// <summary>Runs the knowledge-base benchmark end to end and prints its figures.</summary>
internal sealed class Orchestrator(BenchOptions options)
{
    private const string TenantName = "kb";
    private const int InsertBatch = 1000;

    public async Task<int> RunAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "sportello-kb-bench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        var data = Path.Combine(root, "data");
        Console.WriteLine($"Sportello knowledge-base benchmark ({options.Articles} guides in one tenant, {options.Connections} clients, "
            + $"{options.Seconds} s per run, load: {Load.Tool}, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"App_Data under {root}");
        try
        {
            var paths = new List<string>(options.Articles);
            var lines = new List<string>();

            // In this process: the tenant, its guides, the index build and the search latency, through the services.
            await using (var app = BenchHost.Build(data, port: null))
            {
                await app.StartAsync();
                var tenant = await ProvisionAsync(app.Services);
                var (inserted, insertSeconds, words) = await InsertAsync(app.Services, tenant, paths);
                lines.Add($"Guides generated and inserted (EF batches of {InsertBatch}): {inserted} in {insertSeconds:F1} s, "
                    + $"{words / inserted} words of Markdown per guide on average");

                var (count, buildSeconds) = await BuildIndexAsync(app.Services, tenant);
                lines.Add($"Index build: {count} guides in {buildSeconds:F1} s");
                Console.WriteLine("  " + lines[^1]);
                if (count != inserted)
                {
                    throw new InvalidOperationException($"The index holds {count} guides, the database {inserted}.");
                }

                foreach (var (search, results) in await SearchLoad.SampleAsync(app.Services, tenant))
                {
                    Console.WriteLine($"  sample: {search.Kind,-9} '{search.Text}'{(search.Category is null ? "" : " in " + search.Category)}"
                        + $"{(search.Page > 1 ? " page " + search.Page : "")}: {results.Total} found, from database {results.FromDatabase}"
                        + $"{(results.Suggestion is null ? "" : ", did you mean '" + results.Suggestion + "'")}, first '{results.Hits.FirstOrDefault()?.Title}'");
                }

                if (options.Profile)
                {
                    SearchProfile.Print(app.Services, tenant);
                }

                var warmup = TimeSpan.FromSeconds(Math.Min(3, options.Seconds));
                var single = SearchLoad.Run(app.Services, tenant, 1, warmup, TimeSpan.FromSeconds(Math.Max(3, options.Seconds / 2)), cached: false);
                var loaded = SearchLoad.Run(app.Services, tenant, options.Connections, warmup, TimeSpan.FromSeconds(options.Seconds), cached: false);
                var deployed = SearchLoad.Run(app.Services, tenant, options.Connections, warmup, TimeSpan.FromSeconds(options.Seconds), cached: true);
                lines.Add(Describe("Search, 1 client, every question searched (service time)", single));
                lines.Add(Describe($"Search, {options.Connections} concurrent clients, every question searched", loaded));
                var searches = loaded.All.Count + (int)(warmup.TotalSeconds * loaded.PerSecond);
                lines.Add($"  garbage collector during that run (warm-up included): {loaded.Collections} collections ({loaded.FullCollections} full), "
                    + $"{loaded.GcPauses.TotalMilliseconds / (warmup + TimeSpan.FromSeconds(options.Seconds)).TotalMilliseconds * 100:F0}% of the time paused, "
                    + $"about {loaded.AllocatedBytes / 1024.0 / searches:F0} KB allocated per search");
                foreach (var (kind, latencies) in loaded.ByKind.OrderBy(k => Array.FindIndex(SearchLoad.Cases, c => c.Kind == k.Key)))
                {
                    var alone = single.ByKind[kind];
                    lines.Add($"  {kind,-9}: p50 {At(latencies, 50):F2} ms, p95 {At(latencies, 95):F2} ms, p99 {At(latencies, 99):F2} ms "
                        + $"({latencies.Count} searches; 1 client: p50 {At(alone, 50):F2} ms, p95 {At(alone, 95):F2} ms)");
                }

                lines.Add(Describe($"Search, {options.Connections} concurrent clients, as deployed (HelpSearch; the 24 questions repeat, so after the first time they come from the result cache)", deployed));

                Console.WriteLine(string.Join('\n', lines.Skip(2).Select(l => "  " + l)));
                await app.StopAsync();
            }

            // A host process on the same App_Data (the index files too, now that this process let them go): guide pages
            // against the bare endpoint, then the search page, all through wrk.
            await using (var host = await ChildHost.StartAsync(data, 5311))
            {
                var (pageBytes, warmSeconds) = await WarmAsync(host, paths);
                lines.Add($"Guide pages warmed (each of {paths.Count} requested once): {warmSeconds:F1} s, {pageBytes / paths.Count / 1024.0:F1} KB per page on average");
                Console.WriteLine("  " + lines[^1]);

                var searches = SearchLoad.Cases.Select(c => c.Path(TenantName)).ToList();
                foreach (var path in searches)
                {
                    // The page says where its answer came from; over HTTP too, every answer must come from the index.
                    var page = await host.Client.GetStringAsync(path.TrimStart('/'));
                    if (!page.Contains("data-source=\"index\"", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"{path} was not answered by the index.");
                    }
                }

                await Load.FixedPathAsync(host.Port, "/bare", 2, options.Connections);
                await Load.RandomPathsAsync(host.Port, paths, 2, options.Connections);
                await Load.RandomPathsAsync(host.Port, searches, 2, options.Connections);
                var bare = await Load.FixedPathAsync(host.Port, "/bare", options.Seconds, options.Connections);
                var guides = await Load.RandomPathsAsync(host.Port, paths, options.Seconds, options.Connections);
                var search = await Load.RandomPathsAsync(host.Port, searches, options.Seconds, options.Connections);
                lines.Add($"Throughput ({options.Connections} connections, {options.Seconds} s each): bare endpoint {bare.RequestsPerSecond:F0} req/s, "
                    + $"guide page (random of {paths.Count}) {guides.RequestsPerSecond:F0} req/s = {100 * guides.RequestsPerSecond / bare.RequestsPerSecond:F0}% of bare "
                    + $"(guide p50 {guides.P50Ms:F2} ms, p99 {guides.P99Ms:F2} ms)");
                lines.Add($"Search page over HTTP (/{TenantName}/help/search, the {searches.Count} queries above at random): {search.RequestsPerSecond:F0} req/s, "
                    + $"p50 {search.P50Ms:F2} ms, p90 {search.P90Ms:F2} ms, p99 {search.P99Ms:F2} ms");
            }

            Console.WriteLine();
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            return 0;
        }
        finally
        {
            if (options.Keep)
            {
                Console.WriteLine($"App_Data kept: {data} (serve it with: dotnet bin/Release/net10.0/Sportello.Bench.KnowledgeBase.dll serve {data} 5311)");
            }
            else
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
    }

    /// <summary>
    /// The platform tenant, then tenant "kb" (prefix /kb) through the platform's tenant service with a recipe that
    /// enables the knowledge base and brings the ten categories inline; the guides are inserted afterwards.
    /// </summary>
    private static async Task<Tenant> ProvisionAsync(IServiceProvider services)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>()
                .ExecuteAsync(RecipeLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "recipes", "default.recipe.json")));
        }

        var recipe = new
        {
            name = "kb-bench",
            displayName = "Benchmark del centro assistenza",
            steps = new object[]
            {
                new
                {
                    step = "tenant", culture = "it-IT", timeZone = "Europe/Rome", currency = "EUR", theme = "storefront",
                    branding = new { primaryColor = "#1f6f50", accentColor = "#e0672b", customerPhone = "02 0000 1234", supportEmail = "assistenza@kb-bench.example" },
                },
                new { step = "modules", enable = new[] { "identity", "pages", "knowledge-base" } },
                new { step = "knowledge-base", categories = ArticleGenerator.Categories, articles = Array.Empty<object>() },
            },
        };
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(registry.Find(TenantNames.Default)!);
            var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreateAsync(new CreateTenantRequest
            {
                Name = TenantName,
                Prefix = TenantName,
                RecipeJson = JsonSerializer.Serialize(recipe, SportelloJson.Options),
                Branding = new BrandingRequest { DisplayName = "Centro assistenza di prova" },
            });
            if (!result.Created)
            {
                throw new InvalidOperationException(result.Message);
            }
        }

        return registry.Find(TenantName)!;
    }

    /// <summary>Generates the guides and adds them in batches on the tenant's own context; fills <paramref name="paths"/> with their pages.</summary>
    private async Task<(int Count, double Seconds, long Words)> InsertAsync(IServiceProvider services, Tenant tenant, List<string> paths)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var published = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        Dictionary<string, int> categories;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            categories = await scope.ServiceProvider.GetRequiredService<KnowledgeBaseDbContext>().Categories.ToDictionaryAsync(c => c.Slug, c => c.Id);
        }

        int count = 0;
        long words = 0;
        foreach (var batch in ArticleGenerator.Generate(options.Articles, options.Seed).Chunk(InsertBatch))
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeBaseDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Articles.AddRange(batch.Select(a =>
            {
                var id = new byte[16];
                random.NextBytes(id);
                var created = published.AddMinutes(random.Next(0, 500 * 24 * 60));
                var updated = created.AddMinutes(random.Next(0, 60 * 24 * 60));
                words += a.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
                paths.Add($"/{TenantName}/help/{a.Category}/{a.Slug}");
                return new Article
                {
                    Id = new Guid(id),
                    Slug = a.Slug,
                    Title = a.Title,
                    Summary = a.Summary,
                    Body = a.Body,
                    CategoryId = categories[a.Category],
                    Tags = string.Join(',', a.Tags),
                    Related = string.Join(',', a.Related),
                    Status = ArticleStatus.Published,
                    Author = "benchmark",
                    Revision = 1,
                    CreatedUtc = created,
                    UpdatedUtc = updated,
                    PublishedUtc = created,
                };
            }));
            await db.SaveChangesAsync();
            count += batch.Length;
        }

        return (count, watch.Elapsed.TotalSeconds, words);
    }

    /// <summary>A full rebuild from the database, as the worker does it when an administrator asks for one.</summary>
    private static async Task<(int Count, double Seconds)> BuildIndexAsync(IServiceProvider services, Tenant tenant)
    {
        var indexes = services.GetRequiredService<SearchIndexes>();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var watch = Stopwatch.StartNew();

        // The background worker is woken by the request too; whichever takes the tenant's gate first rebuilds and the
        // other then finds the index built, so the time below covers one full rebuild either way.
        indexes.RequestRebuild(tenant);
        await indexes.UpdateAsync(tenant, scope.ServiceProvider.GetRequiredService<KnowledgeBaseDbContext>(), CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var index = indexes.Ready(tenant) ?? throw new InvalidOperationException("The index is not ready after the rebuild.");
        return (index.Count, seconds);
    }

    /// <summary>Every guide page once (renders it into the tenant's page cache), eight at a time; returns the bytes served.</summary>
    private static async Task<(long Bytes, double Seconds)> WarmAsync(ChildHost host, List<string> paths)
    {
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (path, ct) =>
        {
            using var response = await host.Client.GetAsync(path.TrimStart('/'), ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
            }

            Interlocked.Add(ref bytes, body.Length);
        });
        return (bytes, watch.Elapsed.TotalSeconds);
    }

    private static string Describe(string what, SearchRun run) =>
        $"{what}: p50 {At(run.All, 50):F2} ms, p95 {At(run.All, 95):F2} ms, p99 {At(run.All, 99):F2} ms, max {run.All[^1]:F2} ms, "
        + $"{run.PerSecond:F0} searches/s over {run.Seconds:F0} s";

    private static double At(List<double> sorted, int p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
