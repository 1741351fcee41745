using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Tests;

public abstract class HelpSearchTests(StoreKind kind) : ProviderTests(kind)
{
    private async Task<string> PageAsync(string path)
    {
        var response = await App.ClientFor().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<SearchResults> SearchAsync(string tenant, string text, string? category = null) =>
        App.InTenantAsync(tenant, sp => sp.GetRequiredService<HelpSearch>().SearchAsync(text, category, 1, CancellationToken.None));

    /// <summary>Searches until <paramref name="done"/> holds for an answer from the index (the worker runs in the background).</summary>
    private async Task<SearchResults> EventuallyAsync(string tenant, string text, Func<SearchResults, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var results = await SearchAsync(tenant, text);
            if (!results.FromDatabase && done(results))
            {
                return results;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail($"Search for '{text}' in {tenant} never reached the expected state (last: {results.Total} hits, from database: {results.FromDatabase}).");
            }

            await Task.Delay(100);
        }
    }

    private Task<Article> PublishAsync(string tenant, string title, string body, string slug) => App.InTenantAsync(tenant, async sp =>
    {
        var db = sp.GetRequiredService<KnowledgeBaseDbContext>();
        var editor = sp.GetRequiredService<ArticleEditor>();
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var (article, problems) = await editor.CreateAsync(new ArticleDraft(title, slug, category.Id, "Sommario.", body, "prova", ""), "test", CancellationToken.None);
        Assert.Empty(problems);
        await editor.SetStatusAsync(article!.Id, ArticleStatus.Published, CancellationToken.None);
        return article;
    });

    private string IndexFolder(string tenant) => App.Services.GetRequiredService<SearchIndexes>().PathOf(tenant);

    [Fact]
    public async Task Rinnovi_finds_the_renewal_guides_with_marked_passages_and_topics()
    {
        await EventuallyAsync("demo", "rinnovi", r => r.Total > 0);

        var html = WebUtility.HtmlDecode(await PageAsync("/demo/help/search?q=rinnovi"));

        Assert.Contains("data-source=\"index\"", html);
        Assert.Contains("href=\"/demo/help/spid/rinnovare-identita-spid\"", html);
        Assert.Contains("href=\"/demo/help/pec/rinnovare-caselle-pec\"", html);
        Assert.Contains("<mark>", html);
        Assert.Contains("class=\"facets\"", html);
        Assert.Contains("categoria=spid", html);
    }

    [Fact]
    public async Task A_misspelt_word_suggests_the_right_one_and_still_finds_guides()
    {
        var results = await EventuallyAsync("demo", "rinnvo", r => r.Total > 0);
        var html = WebUtility.HtmlDecode(await PageAsync("/demo/help/search?q=rinnvo"));

        Assert.Equal("rinnovo", results.Suggestion);
        Assert.Contains("Forse cercavi:", html);
        Assert.Contains("/demo/help/search?q=rinnovo\">rinnovo</a>", html);
    }

    [Fact]
    public async Task A_category_filter_keeps_the_counts_of_every_topic()
    {
        await EventuallyAsync("demo", "rinnovi", r => r.Total > 0);

        var html = WebUtility.HtmlDecode(await PageAsync("/demo/help/search?q=rinnovi&categoria=pec"));

        Assert.Contains("aria-current=\"page\">Caselle PEC", html);
        Assert.DoesNotContain("href=\"/demo/help/spid/rinnovare-identita-spid\"", html);
        Assert.Contains("categoria=spid", html);
    }

    [Fact]
    public async Task An_empty_or_very_long_query_gets_a_helpful_page()
    {
        var empty = WebUtility.HtmlDecode(await PageAsync("/demo/help/search?q="));
        var stopWords = WebUtility.HtmlDecode(await PageAsync("/demo/help/search?q=il+della"));
        var tooLong = WebUtility.HtmlDecode(await PageAsync("/demo/help/search?q=" + new string('a', 5000)));

        Assert.Contains("Scrivi una o più parole", empty);
        Assert.Contains("href=\"/demo/help/spid\"", empty);
        Assert.Contains("Scrivi una o più parole", stopWords);
        Assert.Contains("La ricerca è troppo lunga", tooLong);
    }

    [Fact]
    public async Task Script_in_a_query_or_in_a_guide_is_shown_as_text()
    {
        await PublishAsync("demo", "Pagamento <script>alert('titolo')</script> sicuro",
            "Il pagamento <img src=x onerror=alert(1)> con carta.\n\n<script>alert('corpo')</script>", "pagamento-sicuro-prova");
        await EventuallyAsync("demo", "pagamento sicuro", r => r.Hits.Any(h => h.Slug == "pagamento-sicuro-prova"));

        var query = await PageAsync("/demo/help/search?q=" + Uri.EscapeDataString("<script>alert('q')</script> pagamento"));
        var guide = await PageAsync("/demo/help/search?q=sicuro");

        Assert.DoesNotContain("<script>alert", query);
        Assert.Contains("&lt;script&gt;alert(", query);
        Assert.DoesNotContain("<script>alert", guide);
        Assert.DoesNotContain("<img src=x", guide);
        Assert.Contains("&lt;script&gt;", guide);
    }

    [Fact]
    public async Task Publishing_queues_the_guide_for_the_index_and_unpublishing_takes_it_out()
    {
        var article = await PublishAsync("demo", "Zafferano e cannella", "Una guida sulle spezie del centro assistenza.", "spezie-prova");
        var queued = await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().IndexQueue.CountAsync(e => e.ArticleId == article.Id));

        var found = await EventuallyAsync("demo", "zafferano", r => r.Total == 1);
        await App.InTenantAsync("demo", async sp =>
        {
            await sp.GetRequiredService<ArticleEditor>().SetStatusAsync(article.Id, ArticleStatus.Draft, CancellationToken.None);
            return 0;
        });

        Assert.True(queued >= 2);
        Assert.Equal("spezie-prova", found.Hits.Single().Slug);
        await EventuallyAsync("demo", "zafferano", r => r.Total == 0);
    }

    [Fact]
    public async Task Deleting_the_index_folder_rebuilds_it_while_search_keeps_answering()
    {
        await EventuallyAsync("demo", "rinnovi", r => r.Total > 0);

        Directory.Delete(IndexFolder("demo"), recursive: true);
        await Task.Delay(1100); // the folder is looked at once a second at most
        var meanwhile = await SearchAsync("demo", "rinnovi");
        var html = await PageAsync("/demo/help/search?q=rinnovi");

        Assert.True(meanwhile.Total > 0);
        Assert.Contains("rinnovare-identita-spid", html);
        await EventuallyAsync("demo", "rinnovi", r => r.Total > 0);
        Assert.True(Directory.Exists(IndexFolder("demo")));
    }

    [Fact]
    public async Task A_corrupt_index_is_detected_and_rebuilt_and_the_database_answers_meanwhile()
    {
        await EventuallyAsync("demo", "rinnovi", r => r.Total > 0);
        var indexes = App.Services.GetRequiredService<SearchIndexes>();
        await indexes.ReleaseAsync(App.Registry.Find("demo")!, CancellationToken.None);
        foreach (var file in Directory.GetFiles(IndexFolder("demo")))
        {
            await File.WriteAllTextAsync(file, "questo non è un indice");
        }

        var meanwhile = await SearchAsync("demo", "rinnovi");

        Assert.True(meanwhile.FromDatabase);
        Assert.True(meanwhile.Total > 0);
        Assert.Contains(meanwhile.Hits, h => h.Slug == "rinnovare-identita-spid");
        await EventuallyAsync("demo", "rinnovi", r => r.Total > 0);
    }

    [Fact]
    public async Task A_tenants_search_never_returns_another_tenants_guides()
    {
        await App.RunRecipeAsync("""
            {
              "name": "altro",
              "steps": [
                { "step": "tenant", "name": "altro", "prefix": "altro", "culture": "en-GB", "branding": { "displayName": "Altro" } },
                { "step": "modules", "enable": [ "knowledge-base" ] },
                { "step": "knowledge-base",
                  "categories": [ { "slug": "account", "title": "Account" } ],
                  "articles": [ { "slug": "renewals", "title": "Renewals of saffron accounts", "category": "account", "body": "How renewals work for zafferano." } ] }
              ]
            }
            """);

        var own = await EventuallyAsync("altro", "renewal", r => r.Total == 1);
        var demoOnly = await SearchAsync("altro", "rinnovi");
        var html = await PageAsync("/altro/help/search?q=zafferano");

        Assert.Equal("renewals", own.Hits.Single().Slug);
        Assert.Equal(0, demoOnly.Total);
        Assert.DoesNotContain("rinnovare-identita-spid", html);
        Assert.Equal(0, (await EventuallyAsync("demo", "saffron", _ => true)).Total);
    }
}

public sealed class HelpSearchTestsOnSqlite() : HelpSearchTests(StoreKind.Sqlite);

public sealed class HelpSearchTestsOnPostgres() : HelpSearchTests(StoreKind.Postgres);
