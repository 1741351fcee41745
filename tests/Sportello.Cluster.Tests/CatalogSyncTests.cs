using System.Diagnostics;
using System.Net;

namespace Sportello.Cluster.Tests;

/// <summary>
/// Two nodes in one process sharing PostgreSQL: one path at a time, change messages over Redis alone (version
/// check switched off), then the version check alone (messages on a channel the other node does not hear).
/// </summary>
public sealed class CatalogSyncTests
{
    internal static Dictionary<string, string?> Cluster(string keyPrefix, TimeSpan check) => new()
    {
        ["Sportello:Cluster:Redis"] = Environment.GetEnvironmentVariable("SPORTELLO_TEST_REDIS")
            ?? throw new InvalidOperationException("SPORTELLO_TEST_REDIS is not set: run the tests through scripts/test.sh."),
        ["Sportello:Cluster:KeyPrefix"] = keyPrefix,
        ["Sportello:Cluster:CatalogCheckInterval"] = check.ToString(),
    };

    [Fact]
    public async Task A_change_message_reaches_the_other_node_without_any_request()
    {
        var prefix = "sync-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await SportelloApp.StartAsync(StoreKind.Postgres, settings: Cluster(prefix, TimeSpan.FromHours(1)));
        await using var b = await SportelloApp.StartAsync(StoreKind.Postgres, settings: Cluster(prefix, TimeSpan.FromHours(1)), sharedDatabase: a.Database);

        await a.RunRecipeAsync(SportelloApp.TenantRecipe("messaggio", prefix: "messaggio", modules: ["pages"]));

        var watch = Stopwatch.StartNew();
        while (b.Registry.Find("messaggio")?.Settings.State != Sportello.Core.Tenancy.TenantState.Running && watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(10);
        }

        Assert.Equal(["pages"], b.Registry.Find("messaggio")?.Settings.EnabledModules);
    }

    [Fact]
    public async Task New_home_page_content_saved_on_one_node_replaces_the_page_cached_on_the_other()
    {
        var prefix = "pages-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await SportelloApp.StartAsync(StoreKind.Postgres, settings: Cluster(prefix, TimeSpan.FromHours(1)));
        await using var b = await SportelloApp.StartAsync(StoreKind.Postgres, settings: Cluster(prefix, TimeSpan.FromHours(1)), sharedDatabase: a.Database);
        Assert.Contains("Identità digitale, PEC e SMS", WebUtility.HtmlDecode(await b.ClientFor().GetStringAsync("/demo/")));

        await a.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "pages", "home": { "headline": "Nuovo titolo per tutti i nodi", "intro": "Testo." } } ] }
            """, "demo");

        var watch = Stopwatch.StartNew();
        string home;
        do
        {
            home = await b.ClientFor().GetStringAsync("/demo/");
        }
        while (!home.Contains("Nuovo titolo per tutti i nodi") && watch.Elapsed < TimeSpan.FromSeconds(1));

        Assert.Contains("Nuovo titolo per tutti i nodi", home);
    }

    [Fact]
    public async Task A_missed_message_is_caught_by_the_version_check_on_the_next_request()
    {
        await using var a = await SportelloApp.StartAsync(StoreKind.Postgres, settings: Cluster("sync-a-" + Guid.NewGuid().ToString("N")[..8], TimeSpan.FromMilliseconds(100)));
        await using var b = await SportelloApp.StartAsync(StoreKind.Postgres, settings: Cluster("sync-b-" + Guid.NewGuid().ToString("N")[..8], TimeSpan.FromMilliseconds(100)), sharedDatabase: a.Database);
        await b.ClientFor().GetAsync("/health/live");

        await a.RunRecipeAsync(SportelloApp.TenantRecipe("perso", prefix: "perso", modules: ["pages"]));
        await Task.Delay(300);
        Assert.Null(b.Registry.Find("perso"));

        var response = await b.ClientFor().GetAsync("/perso/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sportello perso", await response.Content.ReadAsStringAsync());

        // A removal is caught the same way.
        await a.Tenants.SetStateAsync("perso", Sportello.Core.Tenancy.TenantState.Disabled);
        await a.Tenants.RemoveAsync("perso", "perso");
        await Task.Delay(150);
        Assert.DoesNotContain("Sportello perso", await (await b.ClientFor().GetAsync("/perso/")).Content.ReadAsStringAsync());
        Assert.Null(b.Registry.Find("perso"));
    }
}
