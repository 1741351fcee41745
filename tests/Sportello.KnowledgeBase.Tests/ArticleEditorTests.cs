using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Tests;

public abstract class ArticleEditorTests(StoreKind kind) : ProviderTests(kind)
{
    private Task<T> InDemoAsync<T>(Func<ArticleEditor, KnowledgeBaseDbContext, Task<T>> work) =>
        App.InTenantAsync("demo", sp => work(sp.GetRequiredService<ArticleEditor>(), sp.GetRequiredService<KnowledgeBaseDbContext>()));

    [Fact]
    public async Task Deleting_a_guide_removes_it_from_the_related_guides_of_the_others_and_its_history_with_it()
    {
        var id = await InDemoAsync(async (editor, db) =>
        {
            var category = await db.Categories.Select(c => c.Id).FirstAsync();
            var (article, problems) = await editor.CreateAsync(new ArticleDraft("Da eliminare", "da-eliminare", category, "", "Testo.", "", ""), "test", default);
            Assert.Empty(problems);
            var other = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "creare-account");
            var draft = new ArticleDraft(other.Title, other.Slug, other.CategoryId, other.Summary, other.Body, other.Tags, other.Related + ",da-eliminare");
            Assert.Empty(await editor.UpdateAsync(other.Id, draft, "test", default));
            return article!.Id;
        });

        await InDemoAsync(async (editor, _) =>
        {
            await editor.DeleteAsync(id, default);
            return 0;
        });

        var (related, revisions, queued) = await InDemoAsync(async (_, db) => (
            (await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "creare-account")).RelatedSlugs,
            await db.Revisions.CountAsync(r => r.ArticleId == id),
            await db.IndexQueue.CountAsync(e => e.ArticleId == id)));
        Assert.DoesNotContain("da-eliminare", related);
        Assert.NotEmpty(related);
        Assert.Equal(0, revisions);
        Assert.Equal(2, queued);
    }
}

public sealed class ArticleEditorTestsOnSqlite() : ArticleEditorTests(StoreKind.Sqlite);

public sealed class ArticleEditorTestsOnPostgres() : ArticleEditorTests(StoreKind.Postgres);
