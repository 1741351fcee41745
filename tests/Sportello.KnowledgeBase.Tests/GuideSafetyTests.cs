using System.Net;
using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Tests;

/// <summary>
/// One bad guide cannot take a help centre down: bodies beyond the bounds are refused when saved or imported, one
/// that got in anyway shows an error box to editors and a note to readers, and the index leaves it out and goes on.
/// Recipes read guides only from inside their own folder.
/// </summary>
public sealed class GuideSafetyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string DeepQuotes = "Introduzione.\n\n" + new string('>', 1000) + " x";

    private SportelloApp App => fixture.App;

    private async Task<HttpClient> EditorAsync()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        return client;
    }

    private Task<int> CategoryIdAsync(string slug) => App.InTenantAsync("demo", sp =>
        sp.GetRequiredService<KnowledgeBaseDbContext>().Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task The_editor_refuses_a_body_too_deep_or_too_long_and_says_where()
    {
        var editor = await EditorAsync();
        var response = await SignIn.PostFormAsync(editor, "/demo/admin/help/new", "/demo/admin/help/new?handler=Save", new()
        {
            ["Title"] = "Guida annidata", ["Slug"] = "guida-annidata", ["CategoryId"] = (await CategoryIdAsync("spid")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Body"] = DeepQuotes,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Riga 3: citazioni («>») ed elenchi sono annidati più di 10 volte.", html);
        Assert.Null(await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Articles.FirstOrDefaultAsync(a => a.Slug == "guida-annidata")));
    }

    [Fact]
    public async Task The_preview_of_a_two_thousand_level_list_answers_at_once_with_the_reason()
    {
        var editor = await EditorAsync();
        var body = string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i % 60) + "- livello\n"));
        var page = await editor.GetStringAsync("/demo/admin/help/new");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await editor.PostAsync("/demo/admin/help/new?handler=Preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Body"] = body, ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // against hanging, not a performance target
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rientrato di più di 40 spazi", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_bad_guide_that_got_in_is_an_error_box_for_editors_and_the_index_goes_on_without_it()
    {
        var spid = await CategoryIdAsync("spid");
        await App.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<KnowledgeBaseDbContext>();
            var bad = new Article { Id = Guid.CreateVersion7(), Slug = "guida-rotta", Title = "Guida rotta", Body = DeepQuotes, CategoryId = spid, Status = ArticleStatus.Published, UpdatedUtc = DateTime.UtcNow, CreatedUtc = DateTime.UtcNow };
            db.Articles.Add(bad);
            sp.GetRequiredService<IndexQueue>().Add(db, bad.Id);
            return await db.SaveChangesAsync();
        });
        App.Services.GetRequiredService<IndexQueue>().Wake("demo");

        var reader = await App.ClientFor().GetAsync("/demo/help/spid/guida-rotta");
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        var readerHtml = WebUtility.HtmlDecode(await reader.Content.ReadAsStringAsync());
        Assert.Contains("Questa guida al momento non è disponibile", readerHtml);
        Assert.DoesNotContain("annidati", readerHtml);
        var editorHtml = WebUtility.HtmlDecode(await (await EditorAsync()).GetStringAsync("/demo/help/spid/guida-rotta"));
        Assert.Contains("Questa guida non si può mostrare ai clienti: Riga 3:", editorHtml);
        Assert.Contains("Correggila nell'editor", editorHtml);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().GetAsync("/demo/help/spid")).StatusCode);

        // A guide published afterwards is indexed all the same.
        var editor = await EditorAsync();
        var created = await SignIn.PostFormAsync(editor, "/demo/admin/help/new", "/demo/admin/help/new?handler=Publish", new()
        {
            ["Title"] = "Quadrifoglio verde", ["Slug"] = "quadrifoglio-verde", ["CategoryId"] = spid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Body"] = "Una guida sul quadrifoglio.",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        for (var i = 0; ; i++)
        {
            var results = await App.InTenantAsync("demo", sp => sp.GetRequiredService<HelpSearch>().SearchAsync("quadrifoglio", null, 1, CancellationToken.None));
            if (!results.FromDatabase && results.Total == 1)
            {
                break;
            }

            Assert.True(i < 100, "the guide published after the bad one was never indexed");
            await Task.Delay(100);
        }

        Assert.Contains(App.Logs.Lines, e => e.Message.Contains("guida-rotta", StringComparison.Ordinal) && e.Message.Contains("left out of the search index", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/root")]
    [InlineData("../../..")]
    [InlineData("kb/../../..")]
    [InlineData("C:/Windows")]
    public async Task A_recipe_reads_guides_only_inside_its_own_folder(string folder)
    {
        var recipes = Path.Combine(AppContext.BaseDirectory, "recipes");
        var recipe = Sportello.Core.Recipes.RecipeLoader.Parse($$"""{ "name": "kb", "steps": [ { "step": "knowledge-base", "folder": "{{folder}}" } ] }""", "test", recipes);
        await using var scope = App.Services.CreateAsyncScope();
        var ex = await Assert.ThrowsAsync<Sportello.Core.Recipes.RecipeException>(() =>
            scope.ServiceProvider.GetRequiredService<Sportello.Core.Recipes.RecipeExecutor>().ExecuteAsync(recipe, "demo"));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("deve essere una cartella dentro quella della ricetta", problem.Message);
        Assert.DoesNotContain(recipes, problem.Message);
    }

    [Fact]
    public async Task A_recipe_without_a_folder_of_its_own_names_none_and_links_are_not_followed()
    {
        var inline = await Assert.ThrowsAsync<Sportello.Core.Recipes.RecipeException>(() =>
            App.RunRecipeAsync("""{ "name": "kb", "steps": [ { "step": "knowledge-base", "folder": "kb" } ] }""", "demo"));
        Assert.Contains("non ha una cartella propria", Assert.Single(inline.Problems).Message);

        var root = Path.Combine(App.AppData, "linked-recipe");
        Directory.CreateDirectory(root);
        Directory.CreateSymbolicLink(Path.Combine(root, "kb"), "/etc");
        var recipe = Sportello.Core.Recipes.RecipeLoader.Parse("""{ "name": "kb", "steps": [ { "step": "knowledge-base", "folder": "kb" } ] }""", "test", root);
        await using var scope = App.Services.CreateAsyncScope();
        var linked = await Assert.ThrowsAsync<Sportello.Core.Recipes.RecipeException>(() =>
            scope.ServiceProvider.GetRequiredService<Sportello.Core.Recipes.RecipeExecutor>().ExecuteAsync(recipe, "demo"));
        Assert.Contains("collegamento simbolico", Assert.Single(linked.Problems).Message);
    }
}
