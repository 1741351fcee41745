using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Audit;
using Sportello.Core.Storage;

namespace Sportello.Host.Tests;

/// <summary>The back office's audit log: every module's entries, filtered, paged and exported, to those allowed only.</summary>
public abstract class AuditPageTests(SportelloApp app)
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        return client;
    }

    /// <summary>Writes entries about subjects named after <paramref name="marker"/>, at the given UTC times.</summary>
    private Task SeedAsync(string tenant, string marker, string action, params (string Name, DateTime When)[] subjects) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<KernelDbContext>();
            var log = sp.GetRequiredService<IAuditLog>();
            foreach (var (name, when) in subjects)
            {
                log.Add(db, AuditRecord.Of(action, "test", marker, name)).OccurredUtc = when;
            }

            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Filters_find_entries_by_subject_action_and_day()
    {
        var marker = "m" + Guid.NewGuid().ToString("N")[..10];
        await SeedAsync("demo", marker, "identity.user-locked", ($"{marker} lunedì", new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc)));
        await SeedAsync("demo", marker, "identity.user-unlocked", ($"{marker} martedì", new DateTime(2026, 3, 3, 23, 30, 0, DateTimeKind.Utc)));
        var admin = await AdminAsync();

        var all = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}"));
        Assert.Contains($"{marker} lunedì", all);
        Assert.Contains($"{marker} martedì", all);
        Assert.Contains("Bloccato", all); // the action in words, not its key
        Assert.Contains("sistema", all); // written outside a request: nobody signed in

        var locked = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}&action=identity.user-locked"));
        Assert.Contains($"{marker} lunedì", locked);
        Assert.DoesNotContain($"{marker} martedì", locked);

        // 23:30 UTC on 3 March is 00:30 on 4 March in Rome: days are the tenant's.
        var fourth = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}&from=2026-03-04&to=2026-03-04"));
        Assert.Contains($"{marker} martedì", fourth);
        Assert.DoesNotContain($"{marker} lunedì", fourth);

        var byModule = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}&actor=sistema&action=identity."));
        Assert.Contains($"{marker} lunedì", byModule);
        Assert.Contains("Nessuna attività con questi filtri.", WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}&actor=nessuno-così")));
    }

    [Fact]
    public async Task The_log_is_read_a_page_at_a_time()
    {
        var marker = "p" + Guid.NewGuid().ToString("N")[..10];
        var start = new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        await SeedAsync("demo", marker, "identity.signed-in", Enumerable.Range(0, 55).Select(i => ($"{marker}-{i:00}", start.AddMinutes(i))).ToArray());
        var admin = await AdminAsync();

        var first = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}"));
        Assert.Equal(50, CountRows(first, marker));
        Assert.Contains($"{marker}-54", first); // newest first
        Assert.Contains("rel=\"next\"", first);

        var second = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}&p=2"));
        Assert.Equal(5, CountRows(second, marker));
        Assert.Contains($"{marker}-00", second);
        Assert.DoesNotContain("rel=\"next\"", second);
    }

    [Fact]
    public async Task The_export_escapes_cells_a_spreadsheet_would_run_and_is_itself_audited()
    {
        var marker = "x" + Guid.NewGuid().ToString("N")[..10];
        var when = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        await SeedAsync("demo", marker, "identity.user-invited",
            ("=HYPERLINK(\"http://example.invalid\")", when), ("+39 333 1234567", when), ("-2+3", when), ("@SUM(A1:A2)", when), ("Rossi; Bianchi", when));
        var admin = await AdminAsync();

        var response = await ExportAsync(admin, $"subject={marker}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Quando;Chi;", csv.TrimStart('\uFEFF'));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(5, lines.Count);
        foreach (var cell in new[] { "=HYPERLINK", "+39 333", "-2+3", "@SUM" })
        {
            Assert.DoesNotContain(lines, l => l.Split(';').Any(c => c.TrimStart('"').StartsWith(cell, StringComparison.Ordinal)));
            Assert.Contains(lines, l => l.Contains("'" + cell, StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.Contains("\"Rossi; Bianchi\"", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("Invito", l));

        var exported = await admin.GetStringAsync("/demo/admin/audit?action=kernel.audit-exported");
        Assert.Contains("subject=" + marker, WebUtility.HtmlDecode(exported));
    }

    [Fact]
    public async Task Only_holders_of_the_permission_read_it_and_only_their_tenant()
    {
        var marker = "d" + Guid.NewGuid().ToString("N")[..10];
        await SeedAsync(Sportello.Core.Tenancy.TenantNames.Default, marker, "tenants.created", ($"{marker} piattaforma", DateTime.UtcNow));
        var admin = await AdminAsync();
        Assert.Contains("Nessuna attività con questi filtri.", WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={marker}")));
        Assert.DoesNotContain(marker, await (await ExportAsync(admin, $"subject={marker}")).Content.ReadAsStringAsync());

        var email = $"op-{marker}@fiducia-demo.example";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "{{email}}", "password": "Operatore-Demo-1", "roles": ["Operator"] } ] } ] }
            """, "demo");
        var operatorClient = app.ClientFor();
        await SignIn.AsAsync(operatorClient, "/demo", email, "Operatore-Demo-1");
        Assert.DoesNotContain("/demo/admin/audit", await operatorClient.GetStringAsync("/demo/admin"));
        foreach (var refused in new[]
        {
            await operatorClient.GetAsync("/demo/admin/audit"),
            await SignIn.PostFormAsync(operatorClient, "/demo/account", "/demo/admin/audit?handler=Export", []),
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await app.ClientFor().GetAsync("/demo/admin/audit")).StatusCode);

        // The export changes something (it is audited): a post without the form's token is refused.
        var forged = await admin.PostAsync("/demo/admin/audit?handler=Export", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_large_export_streams_every_row()
    {
        var marker = "l" + Guid.NewGuid().ToString("N")[..10];
        var start = new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc);
        await SeedAsync("demo", marker, "identity.signed-in",
            Enumerable.Range(0, 1500).Select(i => ($"{marker} utente numero {i:0000} con un nome piuttosto lungo", start.AddSeconds(i))).ToArray());
        var response = await ExportAsync(await AdminAsync(), $"subject={marker}");
        var csv = await response.Content.ReadAsStringAsync();
        Assert.True(csv.Length > 128 * 1024, $"only {csv.Length} characters");
        Assert.Equal(1501, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Dates_nobody_means_are_refused_beside_their_field()
    {
        var admin = await AdminAsync();
        Assert.Contains("La data deve essere fra il", WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/audit?to=9999-12-31")));
        Assert.Contains("La data finale viene prima di quella iniziale.", WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/audit?from=2026-05-02&to=2026-05-01")));
        Assert.Contains("«ieri» non è una data", WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/audit?from=ieri")));
        var export = await ExportAsync(admin, "to=9999-12-31");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("text/html", export.Content.Headers.ContentType!.ToString());
    }

    /// <summary>Posts the page's export form, as its button does, with the filters in the query string.</summary>
    private static Task<HttpResponseMessage> ExportAsync(HttpClient client, string query) =>
        SignIn.PostFormAsync(client, $"/demo/admin/audit?{query}", $"/demo/admin/audit?handler=Export&{query}", []);

    private static int CountRows(string html, string marker) =>
        System.Text.RegularExpressions.Regex.Matches(html, $"<td>{marker}-\\d\\d</td>").Count;
}

public sealed class AuditPageTestsOnSqlite(AppFixture fixture) : AuditPageTests(fixture.App), IClassFixture<AppFixture>;

public sealed class AuditPageTestsOnPostgres(PostgresAppFixture fixture) : AuditPageTests(fixture.App), IClassFixture<PostgresAppFixture>;
