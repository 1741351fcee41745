using System.Diagnostics;

namespace Sportello.Cluster.Tests;

/// <summary>Each node keeps its own search index; a guide published on one node is found on the other within seconds.</summary>
public sealed class HelpSearchSyncTests
{
    private static async Task<string> SearchUntilAsync(SportelloApp node, string query, Func<string, bool> done)
    {
        var watch = Stopwatch.StartNew();
        string html;
        do
        {
            html = await node.ClientFor().GetStringAsync("/demo/help/search?q=" + query);
            if (done(html))
            {
                return html;
            }

            await Task.Delay(50);
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(15));

        return html;
    }

    [Fact]
    public async Task A_guide_published_on_one_node_is_found_by_the_other_nodes_index_through_the_change_message()
    {
        var prefix = "kb-" + Guid.NewGuid().ToString("N")[..8];
        var settings = CatalogSyncTests.Cluster(prefix, TimeSpan.FromHours(1));
        settings["Sportello:KnowledgeBase:IndexPollInterval"] = "01:00:00"; // only the message can wake node B
        await using var a = await SportelloApp.StartAsync(StoreKind.Postgres, settings: settings);
        await using var b = await SportelloApp.StartAsync(StoreKind.Postgres, settings: settings, sharedDatabase: a.Database);
        Assert.Contains("data-source=\"index\"", await SearchUntilAsync(b, "rinnovi", html => html.Contains("data-source=\"index\"")));

        await a.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "knowledge-base",
              "categories": [ { "slug": "spezie", "title": "Spezie" } ],
              "articles": [ { "slug": "zafferano", "title": "Guida allo zafferano", "category": "spezie", "body": "Testo sullo zafferano." } ] } ] }
            """, "demo");
        var watch = Stopwatch.StartNew();
        var html = await SearchUntilAsync(b, "zafferano", html => html.Contains("/demo/help/spezie/zafferano") && html.Contains("data-source=\"index\""));

        Assert.Contains("/demo/help/spezie/zafferano", html);
        Assert.Contains("data-source=\"index\"", html);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Found after {watch.Elapsed}.");
    }
}
