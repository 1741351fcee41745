using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Sportello.Tenants.Tests;

/// <summary>
/// The operator's form: a prefix as the list shows it ("/prova"), each refusal beside its field in the operator's
/// words, no prefix that would hide a platform path, and a .zip with a recipe and its folders.
/// </summary>
public sealed class NewTenantFormTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SportelloApp App => fixture.App;

    private async Task<HttpClient> OperatorAsync()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        return client;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_prefix_written_with_its_slash_is_accepted()
    {
        var response = await SignIn.PostFormAsync(await OperatorAsync(), "/admin/tenants/new", "/admin/tenants/new", new()
        {
            ["Recipe"] = "reseller.recipe.json", ["Name"] = "prova", ["Prefix"] = "/prova", ["Culture"] = "it-IT", ["Currency"] = "EUR",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("prova", App.Registry.Find("prova")!.Settings.Prefix);
    }

    [Fact]
    public async Task Refusals_sit_beside_their_fields_without_recipe_paths()
    {
        var response = await SignIn.PostFormAsync(await OperatorAsync(), "/admin/tenants/new", "/admin/tenants/new", new()
        {
            ["Recipe"] = "reseller.recipe.json", ["Name"] = "Nome Sbagliato", ["Prefix"] = "/a b", ["PrimaryColor"] = "rosso",
            ["SupportEmail"] = "non-una-mail", ["Culture"] = "it-IT", ["Currency"] = "EUR",
        });
        var html = await HtmlAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "Name", "Prefix", "PrimaryColor", "SupportEmail" })
        {
            Assert.Contains($"id=\"{field}-error\"", html);
        }

        Assert.DoesNotContain("$.steps", html);
        Assert.DoesNotContain("passo 1", html);

        var english = await SignIn.PostFormAsync(await OperatorAsync(), "/admin/tenants/new?culture=en-GB", "/admin/tenants/new?culture=en-GB", new()
        {
            ["Recipe"] = "reseller.recipe.json", ["Name"] = "ok-nome", ["Prefix"] = "/a b", ["Culture"] = "it-IT", ["Currency"] = "EUR",
        });
        Assert.Contains("The prefix may have", await HtmlAsync(english));
    }

    [Fact]
    public async Task No_tenant_may_take_a_first_path_segment_the_platform_answers()
    {
        var segments = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault()?.Parts is [RoutePatternLiteralPart literal] ? literal.Content : null)
            .OfType<string>().Where(s => s.Length >= 2 && !s.StartsWith('_')).Distinct().ToList();
        Assert.Contains("account", segments);
        Assert.Contains("help", segments);
        Assert.Contains("admin", segments);
        Assert.Contains("api", segments);

        foreach (var segment in segments.Append("area").Append("health"))
        {
            var ex = await Record.ExceptionAsync(() => App.RunRecipeAsync(SportelloApp.TenantRecipe("occupa-" + segment.Length, prefix: segment))) as Sportello.Core.Recipes.RecipeException
                ?? throw new Xunit.Sdk.XunitException($"The prefix '{segment}' was accepted.");
            Assert.Contains(ex.Problems, p => p.Path.EndsWith(".prefix", StringComparison.Ordinal) && p.Message.Contains("piattaforma", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_zip_with_a_recipe_and_its_guides_creates_the_tenant_and_leaves_nothing_behind()
    {
        using var archive = new MemoryStream();
        using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }

            Add("guide.recipe.json", """
                { "name": "guide", "steps": [
                  { "step": "tenant", "name": "guide", "prefix": "guide" },
                  { "step": "modules", "enable": ["knowledge-base"] },
                  { "step": "knowledge-base", "folder": "kb" } ] }
                """);
            Add("kb/categories/aiuto.md", "---\ntitle: Aiuto\nslug: aiuto\n---\nCome fare.");
            Add("kb/aiuto/prima-guida.md", "---\ntitle: Prima guida\nslug: prima-guida\ncategory: aiuto\n---\nBenvenuti in {{ tenant.name }}.");
        }

        var client = await OperatorAsync();
        var page = await client.GetStringAsync("/admin/tenants/new");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("it-IT"), "Culture" },
            { new StringContent("EUR"), "Currency" },
            { new StringContent("Guide di Prova"), "DisplayName" },
        };
        var file = new ByteArrayContent(archive.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "RecipeUpload", "guide.zip");
        var response = await client.PostAsync("/admin/tenants/new", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await HtmlAsync(response));

        Assert.Contains("Benvenuti in Guide di Prova.", await HtmlAsync(await App.ClientFor().GetAsync("/guide/help/aiuto/prima-guida")));
        var uploads = Path.Combine(App.AppData, "uploads");
        Assert.True(!Directory.Exists(uploads) || Directory.GetFileSystemEntries(uploads).Length == 0);
    }

    [Fact]
    public async Task A_zip_entry_that_climbs_out_of_the_archive_is_refused()
    {
        using var archive = new MemoryStream();
        using (var zip = new ZipArchive(archive, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("../../fuori.txt").Open());
            writer.Write("x");
        }

        var client = await OperatorAsync();
        var page = await client.GetStringAsync("/admin/tenants/new");
        using var form = new MultipartFormDataContent { { new StringContent(SignIn.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(archive.ToArray()), "RecipeUpload", "fuori.zip");
        var html = await HtmlAsync(await client.PostAsync("/admin/tenants/new", form));
        Assert.Contains("fuori dalla sua cartella", html);
        Assert.False(File.Exists(Path.Combine(App.AppData, "fuori.txt")));
    }
}
