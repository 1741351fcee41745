using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Search;

namespace Sportello.Bench.KnowledgeBase;

/// <summary>
/// Where one search spends its time, per query: the whole <see cref="HelpSearch"/> call, the index's Search alone,
/// and its parts re-run on a read-only reader of the same index (query building, rewrite, ranking with facets,
/// "did you mean"), with the bytes allocated by each. One thread, so the figures are service times.
/// </summary>
internal static class SearchProfile
{
    private const int Rounds = 200;

    public static void Print(IServiceProvider services, Tenant tenant)
    {
        var indexes = services.GetRequiredService<SearchIndexes>();
        var index = indexes.Ready(tenant) ?? throw new InvalidOperationException("No index.");
        using var directory = FSDirectory.Open(new DirectoryInfo(index.Path));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var language = SearchAnalyzers.Language(index.AnalyzerName);

        var scopes = services.GetRequiredService<IServiceScopeFactory>();

        Console.WriteLine("  Profile, 1 thread, mean per search (ms / KB allocated):");
        Console.WriteLine($"  {"query",-32} {"HelpSearch",14} {"index only",14} {"build query",14} {"rewrite",14} {"rank+facets",14} {"did you mean",14}");
        foreach (var search in SearchLoad.Cases.DistinctBy(c => c.Kind + c.Text + c.Category + c.Page))
        {
            var full = Measure(() =>
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
                scope.ServiceProvider.GetRequiredService<HelpSearch>().SearchAsync(search.Text, search.Category, search.Page, CancellationToken.None).GetAwaiter().GetResult();
            });
            var alone = Measure(() => index.Search(search.Text, search.Category, search.Page, HelpSearch.PageSize, cached: false));
            Query? query = null;
            var built = Measure(() => query = QueryBuilder.Build(reader, language, search.Text));
            Query? rewritten = null;
            var rewrite = Measure(() => rewritten = searcher.Rewrite(query!));
            var rank = Measure(() =>
            {
                var top = TopScoreDocCollector.Create(search.Page * HelpSearch.PageSize, true);
                searcher.Search(rewritten!, new FacetCollector(top, search.Category));
            });
            var suggestion = Measure(() => Suggestions.For(reader, search.Text));
            var label = $"{search.Kind}: {search.Text}{(search.Category is null ? "" : " in " + search.Category)}{(search.Page > 1 ? " p2" : "")}";
            Console.WriteLine($"  {label,-32} {full,14} {alone,14} {built,14} {rewrite,14} {rank,14} {suggestion,14}");
        }
    }

    private static string Measure(Action action)
    {
        for (var i = 0; i < 20; i++)
        {
            action();
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            action();
        }

        var ms = watch.Elapsed.TotalMilliseconds / Rounds;
        var kb = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / Rounds;
        return $"{ms:F2} / {kb:F0}";
    }
}
