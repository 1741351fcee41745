using System.Net;
using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Tests;

public abstract class HelpPagesTests(StoreKind kind) : ProviderTests(kind)
{
    private async Task<string> PageAsync(string path)
    {
        var response = await App.ClientFor().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_demo_help_centre_lists_its_categories()
    {
        var html = await PageAsync("/demo/help");

        Assert.Contains("Centro assistenza", html);
        foreach (var category in new[] { "spid", "sms", "pec", "organizzazioni", "ordini-pagamenti", "account-sicurezza" })
        {
            Assert.Contains($"data-category=\"{category}\"", html);
        }
    }

    [Fact]
    public async Task A_guide_shows_breadcrumb_contents_steps_tables_notes_related_guides_and_support_contacts()
    {
        var html = await PageAsync("/demo/help/spid/rinnovare-identita-spid");

        Assert.Contains("<h1>Rinnovare un'identità SPID</h1>", html);
        Assert.Contains("class=\"breadcrumb\"", html);
        Assert.Contains("In questa guida", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("class=\"nota\"", html);
        Assert.Contains("Guide correlate", html);
        Assert.Contains("Non hai trovato quello che cerchi? Contatta i nostri esperti", html);
        Assert.Contains("02 0000 1234", html);
        Assert.Contains("rel=\"canonical\" href=\"http://localhost:5000/demo/help/spid/rinnovare-identita-spid\"", html);
    }

    [Fact]
    public async Task A_category_lists_its_published_guides_only()
    {
        var html = await PageAsync("/demo/help/organizzazioni");

        Assert.Contains("Creare un'organizzazione", html);
        Assert.DoesNotContain("trasferire-servizi-organizzazione", html);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/demo/help/organizzazioni/trasferire-servizi-organizzazione")).StatusCode);
    }

    [Fact]
    public async Task A_renamed_guide_answers_301_to_its_new_address()
    {
        await App.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<KnowledgeBaseDbContext>();
            var article = await db.Articles.SingleAsync(a => a.Slug == "rinnovare-identita-spid");
            db.OldSlugs.Add(new OldSlug { Slug = "rinnovo-spid", ArticleId = article.Id });
            return await db.SaveChangesAsync();
        });

        var renamed = await App.ClientFor().GetAsync("/demo/help/spid/rinnovo-spid");
        var moved = await App.ClientFor().GetAsync("/demo/help/pec/rinnovare-identita-spid");

        Assert.Equal(HttpStatusCode.MovedPermanently, renamed.StatusCode);
        Assert.Equal("/demo/help/spid/rinnovare-identita-spid", renamed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/demo/help/spid/nessuna-guida")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_without_the_module_answers_404_and_never_shows_another_tenants_guides()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/help")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/help/spid/rinnovare-identita-spid")).StatusCode);
    }

    [Fact]
    public async Task Running_the_import_again_changes_nothing_and_a_changed_guide_gets_a_new_revision()
    {
        async Task<(int Revisions, DateTime Updated)> StateAsync() => await App.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<KnowledgeBaseDbContext>();
            return (await db.Revisions.CountAsync(), (await db.Articles.SingleAsync(a => a.Slug == "creare-account")).UpdatedUtc);
        });
        var before = await StateAsync();
        var recipe = """{ "name": "kb", "steps": [ { "step": "knowledge-base", "folder": "kb" } ] }""";
        var folder = Path.Combine(AppContext.BaseDirectory, "recipes");

        await RunFromAsync(folder, recipe);
        Assert.Equal(before, await StateAsync());

        var copy = Path.Combine(App.AppData, "kb-copy");
        CopyFolder(Path.Combine(folder, "kb"), Path.Combine(copy, "kb"));
        var file = Path.Combine(copy, "kb", "primi-passi", "creare-account.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)) + "\n\nUn paragrafo in più.\n");
        await RunFromAsync(copy, recipe);

        var after = await StateAsync();
        Assert.Equal(before.Revisions + 1, after.Revisions);
        Assert.Contains("Un paragrafo in più.", await PageAsync("/demo/help/primi-passi/creare-account"));
    }

    private async Task RunFromAsync(string folder, string json)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<Sportello.Core.Recipes.RecipeExecutor>();
        await executor.ExecuteAsync(Sportello.Core.Recipes.RecipeLoader.Parse(json, "kb", folder), "demo");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var path in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }
}

public sealed class HelpPagesTestsOnSqlite() : HelpPagesTests(StoreKind.Sqlite);

public sealed class HelpPagesTestsOnPostgres() : HelpPagesTests(StoreKind.Postgres);
