using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Domain;

/// <summary>
/// Every change an editor makes to a guide: each save is a new revision, a renamed guide keeps its old address,
/// and each change queues the guide for the search index and drops the tenant's cached pages, in one transaction.
/// </summary>
public sealed class ArticleEditor(KnowledgeBaseDbContext db, TimeProvider time, IndexQueue queue, TenantPageCache pages, TenantContext tenant)
{
    public async Task<(Article? Article, IReadOnlyList<ValidationProblem> Problems)> CreateAsync(ArticleDraft draft, string author, CancellationToken ct)
    {
        var problems = await CheckAsync(draft, null, ct);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = Now;
        var article = new Article { Id = Guid.CreateVersion7(), Slug = draft.Slug.Trim(), Title = string.Empty, Status = ArticleStatus.Draft, CreatedUtc = now };
        Apply(article, draft);
        db.Articles.Add(article);
        await DropOldSlugAsync(article.Slug, ct);
        NewRevision(article, author, now);
        await SaveAsync(article.Id, ct);
        return (article, []);
    }

    public async Task<IReadOnlyList<ValidationProblem>> UpdateAsync(Guid id, ArticleDraft draft, string author, CancellationToken ct)
    {
        var article = await db.Articles.SingleAsync(a => a.Id == id, ct);
        var problems = await CheckAsync(draft, article, ct);
        if (problems.Count > 0)
        {
            return problems;
        }

        var slug = draft.Slug.Trim();
        if (slug != article.Slug)
        {
            // The old address keeps answering with a 301 to the new one.
            await DropOldSlugAsync(slug, ct);
            db.OldSlugs.Add(new OldSlug { Slug = article.Slug, ArticleId = article.Id });
            article.Slug = slug;
        }

        Apply(article, draft);
        if (!db.ChangeTracker.HasChanges())
        {
            // Saving an unchanged form (or changing only the status) writes no empty revision.
            return [];
        }

        NewRevision(article, author, Now);
        await SaveAsync(article.Id, ct);
        return [];
    }

    public async Task SetStatusAsync(Guid id, ArticleStatus status, CancellationToken ct)
    {
        var article = await db.Articles.SingleAsync(a => a.Id == id, ct);
        if (article.Status == status)
        {
            return;
        }

        article.Status = status;
        if (status == ArticleStatus.Published)
        {
            article.PublishedUtc ??= Now;
        }

        await SaveAsync(article.Id, ct);
    }

    /// <summary>Brings back an earlier revision's text as a new revision, so the restore itself can be undone.</summary>
    public async Task RestoreAsync(Guid id, int number, string author, CancellationToken ct)
    {
        var article = await db.Articles.SingleAsync(a => a.Id == id, ct);
        var revision = await db.Revisions.AsNoTracking().SingleAsync(r => r.ArticleId == id && r.Number == number, ct);
        article.Title = revision.Title;
        article.Summary = revision.Summary;
        article.Body = revision.Body;
        article.Tags = revision.Tags;
        NewRevision(article, author, Now);
        await SaveAsync(article.Id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var article = await db.Articles.SingleAsync(a => a.Id == id, ct);
        db.Articles.Remove(article);

        // Guides that pointed to it stop doing so; otherwise their next save would be refused for a missing guide.
        foreach (var referring in await db.Articles.Where(a => a.Related.Contains(article.Slug)).ToListAsync(ct))
        {
            referring.Related = string.Join(",", referring.RelatedSlugs.Where(r => r != article.Slug));
        }

        await SaveAsync(id, ct);
    }

    private async Task<List<ValidationProblem>> CheckAsync(ArticleDraft draft, Article? current, CancellationToken ct)
    {
        var problems = new List<ValidationProblem>();
        var slug = draft.Slug?.Trim() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > Article.MaxTitle)
        {
            problems.Add(new("Title", $"Scrivi un titolo (al massimo {Article.MaxTitle} caratteri)."));
        }

        if (!ContentFolder.IsSlug(slug))
        {
            problems.Add(new("Slug", "Lo slug può contenere solo lettere minuscole, cifre e trattini (esempio: rinnovo-spid)."));
        }
        else if (await db.Articles.AnyAsync(a => a.Slug == slug && (current == null || a.Id != current.Id), ct))
        {
            problems.Add(new("Slug", $"Lo slug '{slug}' è già usato da un'altra guida."));
        }

        if ((draft.Summary?.Length ?? 0) > Article.MaxSummary)
        {
            problems.Add(new("Summary", $"Il sommario può avere al massimo {Article.MaxSummary} caratteri."));
        }

        if (!await db.Categories.AnyAsync(c => c.Id == draft.CategoryId, ct))
        {
            problems.Add(new("CategoryId", "Scegli una categoria esistente."));
        }

        var related = Split(draft.Related);
        var known = await db.Articles.Where(a => related.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(ct);
        foreach (var missing in related.Except(known))
        {
            problems.Add(new("Related", $"La guida correlata '{missing}' non esiste."));
        }

        if (MarkdownRenderer.Check(draft.Body ?? string.Empty) is { } body)
        {
            problems.Add(new("Body", body.ToString()));
        }

        if (Split(draft.Tags).Sum(t => t.Length + 1) > 500)
        {
            problems.Add(new("Tags", "Troppe etichette: al massimo 500 caratteri in tutto."));
        }

        return problems;
    }

    private static void Apply(Article article, ArticleDraft draft)
    {
        article.Title = draft.Title.Trim();
        article.Summary = draft.Summary?.Trim() ?? string.Empty;
        article.Body = (draft.Body ?? string.Empty).Replace("\r\n", "\n");
        article.CategoryId = draft.CategoryId;
        article.Tags = string.Join(",", Split(draft.Tags).Select(t => t.ToLowerInvariant()).Distinct());
        article.Related = string.Join(",", Split(draft.Related).Where(r => r != article.Slug));
    }

    private void NewRevision(Article article, string author, DateTime now)
    {
        article.Revision++;
        article.Author = author;
        article.UpdatedUtc = now;
        db.Revisions.Add(ArticleRevision.Of(article, author, now));
    }

    private async Task DropOldSlugAsync(string slug, CancellationToken ct)
    {
        if (await db.OldSlugs.FindAsync([slug], ct) is { } old)
        {
            db.OldSlugs.Remove(old);
        }
    }

    private async Task SaveAsync(Guid articleId, CancellationToken ct)
    {
        queue.Add(db, articleId);
        await db.SaveChangesAsync(ct);
        queue.Wake(tenant.Name);
        await pages.EvictAsync(tenant.Name, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static List<string> Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
