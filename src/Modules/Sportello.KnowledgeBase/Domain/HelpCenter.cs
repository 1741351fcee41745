using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;

namespace Sportello.KnowledgeBase.Domain;

/// <summary>What a guide page shows, or where its old address now lives.</summary>
public sealed record ArticleLookup(Article? Article, Category? Category, string? RedirectCategory, string? RedirectSlug);

/// <summary>Reads the published part of the help centre for the public pages.</summary>
public sealed class HelpCenter(KnowledgeBaseDbContext db)
{
    public Task<List<Category>> CategoriesAsync(CancellationToken ct) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Title).ToListAsync(ct);

    public Task<List<Article>> PublishedInAsync(int categoryId, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.CategoryId == categoryId && a.Status == ArticleStatus.Published)
            .OrderBy(a => a.Title)
            .ToListAsync(ct);

    public Task<List<Article>> RecentlyUpdatedAsync(int count, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.UpdatedUtc).ThenBy(a => a.Title)
            .Take(count)
            .ToListAsync(ct);

    public Task<List<Article>> MostReadAsync(int count, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.Views > 0)
            .OrderByDescending(a => a.Views).ThenBy(a => a.Title)
            .Take(count)
            .ToListAsync(ct);

    public async Task<Dictionary<int, int>> PublishedCountsAsync(CancellationToken ct) =>
        await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published)
            .GroupBy(a => a.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>
    /// The published guide at /help/<paramref name="categorySlug"/>/<paramref name="slug"/>; or, for a renamed guide
    /// or one moved to another category, where it lives now.
    /// </summary>
    public async Task<ArticleLookup?> FindAsync(string categorySlug, string slug, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug && a.Status == ArticleStatus.Published, ct);
        if (article is null)
        {
            var renamed = await db.OldSlugs.AsNoTracking().Where(o => o.Slug == slug).Select(o => o.ArticleId).FirstOrDefaultAsync(ct);
            article = renamed == Guid.Empty ? null
                : await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == renamed && a.Status == ArticleStatus.Published, ct);
            if (article is null)
            {
                return null;
            }
        }

        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == article.CategoryId, ct);
        return article.Slug != slug || category.Slug != categorySlug
            ? new ArticleLookup(null, null, category.Slug, article.Slug)
            : new ArticleLookup(article, category, null, null);
    }

    public async Task<List<(Article Article, string CategorySlug)>> RelatedAsync(Article article, CancellationToken ct)
    {
        var slugs = article.RelatedSlugs.ToList();
        if (slugs.Count == 0)
        {
            return [];
        }

        var found = await db.Articles.AsNoTracking()
            .Where(a => slugs.Contains(a.Slug) && a.Status == ArticleStatus.Published)
            .Join(db.Categories, a => a.CategoryId, c => c.Id, (a, c) => new { Article = a, c.Slug })
            .ToListAsync(ct);
        return found.OrderBy(f => slugs.IndexOf(f.Article.Slug)).Select(f => (f.Article, f.Slug)).ToList();
    }
}
