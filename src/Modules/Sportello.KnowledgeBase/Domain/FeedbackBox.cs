using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;

namespace Sportello.KnowledgeBase.Domain;

/// <summary>How helpful readers found one guide.</summary>
public sealed record FeedbackSummary(Guid ArticleId, string Title, string Slug, int Yes, int No, DateTime? LastUtc)
{
    public int Total => Yes + No;

    /// <summary>Share of "yes" answers, 0–100; null before the first answer.</summary>
    public int? HelpfulPercent => Total == 0 ? null : (int)Math.Round(100.0 * Yes / Total);
}

/// <summary>Readers' answers to "Ti è stata utile questa guida?" and what editors read of them.</summary>
public sealed class FeedbackBox(KnowledgeBaseDbContext db, TimeProvider time)
{
    public async Task RecordAsync(Article article, bool helpful, string? comment, CancellationToken ct)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        db.Feedback.Add(new ArticleFeedback
        {
            Id = Guid.CreateVersion7(),
            ArticleId = article.Id,
            Helpful = helpful,
            Comment = comment is { Length: > ArticleFeedback.MaxComment } ? comment[..ArticleFeedback.MaxComment] : comment,
            Revision = article.Revision,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Per-guide counts, least helpful first: those are the guides to rewrite.</summary>
    public async Task<List<FeedbackSummary>> SummaryAsync(CancellationToken ct)
    {
        var counts = await db.Feedback.AsNoTracking()
            .GroupBy(f => f.ArticleId)
            .Select(g => new { g.Key, Yes = g.Count(f => f.Helpful), No = g.Count(f => !f.Helpful), Last = g.Max(f => f.CreatedUtc) })
            .ToListAsync(ct);
        var ids = counts.Select(c => c.Key).ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return counts.Where(c => articles.ContainsKey(c.Key))
            .Select(c => new FeedbackSummary(c.Key, articles[c.Key].Title, articles[c.Key].Slug, c.Yes, c.No, c.Last))
            .OrderBy(s => s.HelpfulPercent).ThenByDescending(s => s.Total)
            .ToList();
    }

    /// <summary>The latest answers that came with a comment, optionally for one guide.</summary>
    public Task<List<ArticleFeedback>> CommentsAsync(Guid? articleId, int count, CancellationToken ct) =>
        db.Feedback.AsNoTracking()
            .Where(f => f.Comment != null && (articleId == null || f.ArticleId == articleId))
            .OrderByDescending(f => f.CreatedUtc)
            .Take(count)
            .ToListAsync(ct);
}
