using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Search;

namespace Sportello.Bench.KnowledgeBase;

/// <summary>One search the clients run: the reader's text, a category filter and the page.</summary>
internal sealed record SearchCase(string Kind, string Text, string? Category = null, int Page = 1)
{
    public string Path(string prefix) =>
        $"/{prefix}/help/search?q={Uri.EscapeDataString(Text)}"
        + (Category is null ? string.Empty : "&categoria=" + Category)
        + (Page > 1 ? "&pagina=" + Page : string.Empty);
}

/// <summary>Latencies of one run, per kind of query and overall.</summary>
internal sealed record SearchRun(int Clients, double Seconds, IReadOnlyDictionary<string, List<double>> ByKind, int Collections, int FullCollections, TimeSpan GcPauses, long AllocatedBytes)
{
    public List<double> All { get; } = ByKind.Values.SelectMany(v => v).Order().ToList();

    public double PerSecond => All.Count / Seconds;
}

/// <summary>
/// N clients, each on its own thread, searching in a loop through <see cref="HelpSearch"/> in a new tenant scope per
/// search (as a request would get): the latency of each call includes waiting for a core, as 32 clients on a few
/// cores do. Every answer must come from the index; one from the database fails the benchmark.
/// </summary>
internal static class SearchLoad
{
    /// <summary>Known words, pairs, misspelt words (the typo-tolerant path), a category filter and page 2.</summary>
    public static readonly SearchCase[] Cases =
    [
        new("one word", "rinnovo"),
        new("one word", "PEC"),
        new("one word", "SPID"),
        new("one word", "fattura"),
        new("one word", "credenziali"),
        new("one word", "mittente"),
        new("one word", "delega"),
        new("one word", "ricevuta"),
        new("two words", "rinnovo SPID"),
        new("two words", "casella PEC"),
        new("two words", "fattura elettronica"),
        new("two words", "mittente SMS"),
        new("two words", "pagamento carta"),
        new("two words", "organizzazione rappresentante"),
        new("typo", "rinnvo"),
        new("typo", "credenzali"),
        new("typo", "fatutra"),
        new("typo", "organizazione"),
        new("typo", "pagamneto"),
        new("category", "rinnovo", "pec"),
        new("category", "pagamento", "ordini-pagamenti"),
        new("category", "credenziali", "spid"),
        new("page 2", "casella PEC", null, 2),
        new("page 2", "pagamento", null, 2),
    ];

    /// <summary>
    /// <paramref name="cached"/>: through <see cref="HelpSearch"/>, as a request would, so repeated questions are
    /// answered from the index's result cache; otherwise straight to the index with the cache bypassed, so every
    /// question is searched.
    /// </summary>
    public static SearchRun Run(IServiceProvider services, Tenant tenant, int clients, TimeSpan warmup, TimeSpan measured, bool cached)
    {
        var index = services.GetRequiredService<SearchIndexes>().Ready(tenant) ?? throw new InvalidOperationException("No index.");
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var results = new Dictionary<string, List<double>>[clients];
        var failures = new List<string>();
        var start = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, clients).Select(client => new Thread(() =>
        {
            var mine = results[client] = Cases.Select(c => c.Kind).Distinct().ToDictionary(k => k, _ => new List<double>(20000));
            var i = client;
            try
            {
                while (start.Elapsed < warmup + measured)
                {
                    var search = Cases[i++ % Cases.Length];
                    var began = Stopwatch.GetTimestamp();
                    SearchResults answer;
                    if (!cached)
                    {
                        answer = index.Search(search.Text, search.Category, search.Page, HelpSearch.PageSize, cached: false);
                    }
                    else
                    {
                        using var scope = scopes.CreateScope();
                        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
                        answer = scope.ServiceProvider.GetRequiredService<HelpSearch>()
                            .SearchAsync(search.Text, search.Category, search.Page, CancellationToken.None).GetAwaiter().GetResult();
                    }

                    var elapsed = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                    if (answer.FromDatabase || answer.Outcome != SearchOutcome.Searched || answer.Hits.Count == 0)
                    {
                        lock (failures)
                        {
                            failures.Add($"'{search.Text}' ({search.Kind}): from database {answer.FromDatabase}, outcome {answer.Outcome}, {answer.Hits.Count} hits");
                        }

                        return;
                    }

                    if (start.Elapsed > warmup)
                    {
                        mine[search.Kind].Add(elapsed);
                    }
                }
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(ex.ToString());
                }
            }
        }) { IsBackground = true }).ToList();

        var (gen0, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        (gen0, gen2, paused, allocated) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - paused, GC.GetTotalAllocatedBytes() - allocated);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} searches were not answered by the index:\n  " + string.Join("\n  ", failures.Distinct().Take(10)));
        }

        var byKind = results.SelectMany(r => r).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).Order().ToList());
        return new SearchRun(clients, measured.TotalSeconds, byKind, gen0, gen2, paused, allocated);
    }

    /// <summary>One search of each case, with its totals, to show what the queries find.</summary>
    public static async Task<List<(SearchCase Case, SearchResults Results)>> SampleAsync(IServiceProvider services, Tenant tenant)
    {
        var found = new List<(SearchCase, SearchResults)>();
        foreach (var search in Cases)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            found.Add((search, await scope.ServiceProvider.GetRequiredService<HelpSearch>().SearchAsync(search.Text, search.Category, search.Page, CancellationToken.None)));
        }

        return found;
    }
}
