using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Sportello.Cluster.Tests;

/// <summary>Two real host processes on loopback ports, sharing PostgreSQL and Redis.</summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(1);

    private async Task<(HttpClient A, HttpClient B)> SignedInAsync()
    {
        var browser = nodes.Browser();
        await SignIn.AsAsync(browser.A, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        var token = await ApiToken.GetAsync(browser.A, "");
        browser.A.DefaultRequestHeaders.Add(ApiToken.Header, token);
        browser.B.DefaultRequestHeaders.Add(ApiToken.Header, token);
        return browser;
    }

    /// <summary>Polls until <paramref name="done"/> holds; returns how long it took, or fails after <paramref name="within"/>.</summary>
    private async Task<TimeSpan> WithinAsync(TimeSpan within, Func<Task<bool>> done, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < within)
        {
            if (await done())
            {
                return watch.Elapsed;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"Not within {within.TotalMilliseconds} ms: {what}\n--- A ---\n{nodes.A.Tail(3000)}\n--- B ---\n{nodes.B.Tail(3000)}");
    }

    private async Task CreateTenantOnAAsync(HttpClient a, string name)
    {
        var recipe = $$"""
            { "name": "nodes", "steps": [
              { "step": "tenant", "name": "{{name}}", "prefix": "{{name}}", "branding": { "displayName": "Sportello {{name}}" } },
              { "step": "modules", "enable": [] } ] }
            """;
        var created = await a.PostAsJsonAsync("/api/tenants", new { recipeJson = recipe });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{nodes.A.Tail()}");
    }

    [Fact]
    public async Task A_tenant_created_and_a_module_enabled_on_A_are_served_by_B_within_one_second()
    {
        var (a, _) = await SignedInAsync();
        using var b = new HttpClient { BaseAddress = nodes.B.BaseAddress };

        await CreateTenantOnAAsync(a, "nord");
        await WithinAsync(Visible, async () => (await (await b.GetAsync("/nord/")).Content.ReadAsStringAsync()).Contains("Sportello nord"),
            "B knows the new tenant (no home page yet: its own branded 404)");

        var enabled = await a.PostAsJsonAsync("/api/tenants/nord/modules", new { enable = new[] { "pages" } });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var took = await WithinAsync(Visible, async () => (await b.GetAsync("/nord/")).StatusCode == HttpStatusCode.OK, "B serves the home page of the module enabled on A");
        Assert.True(took < Visible, $"took {took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_sign_in_on_A_is_valid_on_B()
    {
        var (a, b) = await SignedInAsync();

        var onA = await a.GetAsync("/admin/tenants");
        var onB = await b.GetAsync("/admin/tenants");

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("Tenant della piattaforma", await onB.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_job_scheduled_every_second_runs_once_per_tick_across_both_nodes()
    {
        // Twenty whole seconds, starting on the next one (the ticks fall on whole seconds).
        var since = new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var until = since.AddSeconds(20);
        await Task.Delay(until - DateTime.UtcNow + TimeSpan.FromSeconds(3));

        var ticks = new List<(DateTime Scheduled, string Node)>();
        await using (var connection = await nodes.OpenHostStoreAsync())
        {
            await using var query = connection.CreateCommand();
            query.CommandText = """SELECT "ScheduledUtc", "Node" FROM "ClusterHeartbeats" WHERE "ScheduledUtc" >= @since AND "ScheduledUtc" < @until ORDER BY "ScheduledUtc" """;
            query.Parameters.AddWithValue("since", since);
            query.Parameters.AddWithValue("until", until);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ticks.Add((reader.GetFieldValue<DateTime>(0), reader.GetString(1)));
            }
        }

        var duplicates = ticks.GroupBy(t => t.Scheduled).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.True(ticks.Count == 20, $"{ticks.Count} ticks: " + string.Join(", ", ticks.Select(t => $"{t.Scheduled:HH:mm:ss.ffffff} {t.Node}")));
    }

    [Fact]
    public async Task A_tenant_removed_on_B_answers_404_on_A()
    {
        var (a, b) = await SignedInAsync();
        await CreateTenantOnAAsync(a, "sud");
        using var anonymousA = new HttpClient { BaseAddress = nodes.A.BaseAddress };
        Assert.Contains("Sportello sud", await (await anonymousA.GetAsync("/sud/")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await b.PostAsync("/api/tenants/sud/suspend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await b.DeleteAsync("/api/tenants/sud?confirm=sud")).StatusCode);

        // The Default tenant claims no host here, so it is what answers the address now: with its 404, not the removed tenant's.
        await WithinAsync(Visible, async () =>
            (await anonymousA.GetAsync("/sud/")) is { StatusCode: HttpStatusCode.NotFound } r
            && !(await r.Content.ReadAsStringAsync()).Contains("Sportello sud"),
            "A no longer knows the removed tenant");
    }
}
