using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Admin.Help;

/// <summary>A guide's saved revisions: list, read one as the site would show it, restore it as a new revision.</summary>
[RequirePermission(KnowledgeBasePermissions.Manage)]
public sealed class RevisionsModel(KnowledgeBaseDbContext db, ArticleEditor editor, TenantContext tenant) : PageModel
{
    public sealed record Row(int Number, DateTime SavedUtc, string Author, string Title);

    public Article Article { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ArticleRevision? Shown { get; private set; }
    public string? ShownHtml { get; private set; }
    public string? Message { get; private set; }
    public DateTime Local(DateTime utc) => tenant.Tenant.Local(utc);

    public async Task<IActionResult> OnGetAsync(Guid id, int? number, int? restored, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (number is { } n)
        {
            Shown = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == id && r.Number == n, ct);
            if (Shown is null)
            {
                return NotFound();
            }

            ShownHtml = HelpAdmin.Preview(Shown.Body, GuideVariables.Of(tenant.Tenant));
        }

        if (restored is not null)
        {
            Message = "Revisione ripristinata: è diventata la revisione {0}.";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, int number, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Rows.Any(r => r.Number == number))
        {
            return NotFound();
        }

        await editor.RestoreAsync(id, number, HelpAdmin.Author(User), ct);
        return Redirect(Url.Content($"~/admin/help/{id}/revisions?restored={number}"));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return false;
        }

        Article = article;
        Rows = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Number, r.SavedUtc, r.Author, r.Title))
            .ToListAsync(ct);
        return true;
    }
}
