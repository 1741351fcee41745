using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Pages.Admin.Help;

/// <summary>Every guide, whatever its status, with filters and how readers rated it.</summary>
[RequirePermission(KnowledgeBasePermissions.Manage)]
public sealed class IndexModel(KnowledgeBaseDbContext db, FeedbackBox feedback, SearchIndexes indexes, TenantContext tenant) : PageModel
{
    public sealed record Row(Article Article, string Category, int? HelpfulPercent, int Answers);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ArticleStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Category { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>Guides in this node's search index; null while it is being built (search answers from the database).</summary>
    public int? Indexed { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done switch
        {
            "deleted" => "Guida eliminata.",
            "rebuild" => "Ricostruzione dell'indice avviata: nel frattempo la ricerca risponde dal database.",
            _ => null,
        };
        Indexed = indexes.Ready(tenant.Tenant)?.Count;
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

    /// <summary>Throws this node's index away; the worker builds it again from the database.</summary>
    public IActionResult OnPostRebuild()
    {
        indexes.RequestRebuild(tenant.Tenant);
        return RedirectToPage(new { done = "rebuild" });
    }

    /// <summary>Every guide and category as Markdown files with front matter, plus a recipe that imports them.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var zip = new MemoryStream();
        await ContentWriter.WriteZipAsync(db, zip, ct);
        zip.Position = 0;
        return File(zip, "application/zip", $"guide-{tenant.Name}.zip");
    }
}
