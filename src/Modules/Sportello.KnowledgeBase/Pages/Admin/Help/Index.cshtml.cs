using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Admin.Help;

/// <summary>Every guide, whatever its status, with filters and how readers rated it.</summary>
[RequirePermission(KnowledgeBaseModule.ManagePermission)]
public sealed class IndexModel(KnowledgeBaseDbContext db, FeedbackBox feedback, TenantContext tenant) : PageModel
{
    public sealed record Row(Article Article, string Category, int? HelpfulPercent, int Answers);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ArticleStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? Message { get; private set; }
    public TimeZoneInfo TimeZone => tenant.Tenant.TimeZone;

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done == "deleted" ? "Guida eliminata." : null;
        Categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        Total = await db.Articles.CountAsync(ct);

        var query = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(a => a.Title.ToLower().Contains(q) || a.Slug.Contains(q));
        }

        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (Category is { } categoryId)
        {
            // A top-level category includes its sub-categories' guides.
            var ids = Categories.Where(c => c.Id == categoryId || c.ParentId == categoryId).Select(c => c.Id).ToList();
            query = query.Where(a => ids.Contains(a.CategoryId));
        }

        var articles = await query.OrderByDescending(a => a.UpdatedUtc).ThenBy(a => a.Title).ToListAsync(ct);
        var titles = Categories.ToDictionary(c => c.Id, c => c.Title);
        var ratings = (await feedback.SummaryAsync(ct)).ToDictionary(s => s.ArticleId);
        Rows = articles.Select(a => new Row(a, titles.GetValueOrDefault(a.CategoryId, string.Empty),
            ratings.GetValueOrDefault(a.Id)?.HelpfulPercent, ratings.GetValueOrDefault(a.Id)?.Total ?? 0)).ToList();
    }
}
