using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Admin.Help;

/// <summary>What readers answered to "Ti è stata utile questa guida?": per-guide counts, least helpful first, and the latest comments.</summary>
[RequirePermission(KnowledgeBasePermissions.Manage)]
public sealed class FeedbackModel(KnowledgeBaseDbContext db, FeedbackBox feedback) : PageModel
{
    private const int CommentCount = 50;

    public sealed record Comment(Guid ArticleId, string Title, bool Helpful, DateTime CreatedUtc, string Text, int Revision);

    /// <summary>Shows one guide's comments only.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Article { get; set; }

    public IReadOnlyList<FeedbackSummary> Summaries { get; private set; } = [];
    public IReadOnlyList<Comment> Comments { get; private set; } = [];
    public string? ArticleTitle { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summaries = await feedback.SummaryAsync(ct);
        var comments = await feedback.CommentsAsync(Article, CommentCount, ct);
        var ids = comments.Select(c => c.ArticleId).Append(Article ?? Guid.Empty).Distinct().ToList();
        var titles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        ArticleTitle = Article is { } id ? titles.GetValueOrDefault(id) : null;
        Comments = comments.Select(c => new Comment(c.ArticleId, titles.GetValueOrDefault(c.ArticleId) ?? string.Empty, c.Helpful, c.CreatedUtc, c.Comment ?? string.Empty, c.Revision))
            .ToList();
    }
}
