using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Recipes;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;

namespace Sportello.KnowledgeBase.Tests;

public abstract class MarkdownExportTests(StoreKind kind) : ProviderTests(kind)
{
    [Fact]
    public async Task The_guides_export_as_front_matter_files_the_recipe_step_imports_unchanged()
    {
        var admin = App.ClientFor();
        await SignIn.AsAsync(admin, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);

        var response = await admin.GetAsync("/demo/admin/help?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        var folder = Path.Combine(App.AppData, "export");
        await using (var zip = await response.Content.ReadAsStreamAsync())
        {
            ZipFile.ExtractToDirectory(zip, folder);
        }

        var (categories, articles, problems) = ContentFolder.Load(Path.Combine(folder, "kb"));
        var stored = await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Articles.AsNoTracking().ToListAsync());
        Assert.Empty(problems);
        Assert.Equal(10, categories.Count);
        Assert.Equal(stored.Count, articles.Count);
        foreach (var file in articles)
        {
            var article = stored.Single(a => a.Slug == file.Meta.Slug);
            Assert.Equal(article.Title, file.Meta.Title);
            Assert.Equal(article.Body.Trim(), file.Body);
            Assert.Equal(article.Status, file.Status);
            Assert.Equal(article.TagList, file.Meta.Tags);
            Assert.Equal(article.RelatedSlugs, file.Meta.Related);
        }

        var revisions = await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Revisions.CountAsync());
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var recipe = await File.ReadAllTextAsync(Path.Combine(folder, ContentWriter.RecipeFile));
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeLoader.Parse(recipe, "export", folder), "demo");
        }

        Assert.Equal(revisions, await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Revisions.CountAsync()));
    }

    [Fact]
    public async Task Only_editors_may_export()
    {
        var customer = App.ClientFor();
        await SignIn.AsAsync(customer, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);

        var response = await customer.GetAsync("/demo/admin/help?handler=Export");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class MarkdownExportTestsOnSqlite() : MarkdownExportTests(StoreKind.Sqlite);

public sealed class MarkdownExportTestsOnPostgres() : MarkdownExportTests(StoreKind.Postgres);
