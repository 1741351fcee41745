using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Admin.Help;

/// <summary>
/// Writes a guide (/admin/help/new) or changes one (/admin/help/{id}): every save is a new revision; publish, withdraw
/// and archive change the status (saving the form first when it changed); the body has a live, sanitized preview.
/// </summary>
[RequirePermission(KnowledgeBasePermissions.Manage)]
public sealed class EditModel(KnowledgeBaseDbContext db, ArticleEditor editor, TenantContext tenant) : PageModel
{
    [BindProperty] public string? Title { get; set; } = string.Empty;
    [BindProperty] public string? Slug { get; set; } = string.Empty;
    [BindProperty] public int CategoryId { get; set; }
    [BindProperty] public string? Summary { get; set; } = string.Empty;
    [BindProperty] public string? Tags { get; set; } = string.Empty;
    [BindProperty] public string? Related { get; set; } = string.Empty;
    [BindProperty] public string? Body { get; set; } = string.Empty;
    [BindProperty] public bool ConfirmDelete { get; set; }

    /// <summary>The guide being edited; null on /admin/help/new.</summary>
    public Article? Article { get; private set; }
    public string? CategorySlug { get; private set; }
    public IReadOnlyList<SelectListItem> CategoryOptions { get; private set; } = [];
    public IReadOnlyList<ValidationProblem> Problems { get; private set; } = [];
    public string? Message { get; private set; }
    public string? PreviewHtml { get; private set; }

    public bool IsNew => Article is null;

    public IEnumerable<ValidationProblem> ProblemsFor(string field) => Problems.Where(p => p.Field == field);

    /// <summary>The id of the element describing a field's problems, or null when it has none (the attribute is then left out).</summary>
    public string? ErrorId(string field) => Problems.Any(p => p.Field == field) ? $"{field}-error" : null;

    public async Task<IActionResult> OnGetAsync(Guid? id, string? done, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (!await LoadAsync(existing, ct))
            {
                return NotFound();
            }

            (Title, Slug, CategoryId, Summary, Tags, Related, Body) =
                (Article!.Title, Article.Slug, Article.CategoryId, Article.Summary, Article.Tags, Article.Related, Article.Body);
        }
        else
        {
            await LoadOptionsAsync(ct);
        }

        Message = done switch
        {
            "created" => "Guida creata come bozza.",
            "saved" => "Guida salvata.",
            "published" => "Guida pubblicata.",
            "withdrawn" => "Guida ritirata: ora è una bozza.",
            "archived" => "Guida archiviata.",
            _ => null,
        };
        return Page();
    }

    /// <summary>The body as the site would show it: sanitized HTML, for the live preview.</summary>
    public IActionResult OnPostPreview() => Content(PreviewOf(Body), "text/html");

    /// <summary>The same preview without JavaScript: the page again, with the preview filled in.</summary>
    public async Task<IActionResult> OnPostShowPreviewAsync(Guid? id, CancellationToken ct)
    {
        if (!await LoadOrNewAsync(id, ct))
        {
            return NotFound();
        }

        PreviewHtml = PreviewOf(Body);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct) => SaveThenAsync(id, null, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid? id, CancellationToken ct) => SaveThenAsync(id, ArticleStatus.Published, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid? id, CancellationToken ct) => SaveThenAsync(id, ArticleStatus.Draft, ct);

    public Task<IActionResult> OnPostArchiveAsync(Guid? id, CancellationToken ct) => SaveThenAsync(id, ArticleStatus.Archived, ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ConfirmDelete)
        {
            Problems = [new("ConfirmDelete", "Per eliminare la guida conferma con la casella accanto al pulsante.")];
            return Page();
        }

        await editor.DeleteAsync(id, ct);
        return Redirect(Url.Content("~/admin/help?done=deleted"));
    }

    private async Task<IActionResult> SaveThenAsync(Guid? id, ArticleStatus? status, CancellationToken ct)
    {
        if (!await LoadOrNewAsync(id, ct))
        {
            return NotFound();
        }

        var draft = new ArticleDraft(Title ?? string.Empty, Slug ?? string.Empty, CategoryId, Summary ?? string.Empty, Body ?? string.Empty,
            Tags ?? string.Empty, Related ?? string.Empty);
        var author = HelpAdmin.Author(User);
        Guid articleId;
        if (Article is null)
        {
            var (created, problems) = await editor.CreateAsync(draft, author, ct);
            if (created is null)
            {
                Problems = problems;
                return Page();
            }

            articleId = created.Id;
        }
        else
        {
            articleId = Article.Id;
            var problems = await editor.UpdateAsync(articleId, draft, author, ct);
            if (problems.Count > 0)
            {
                Problems = problems;
                return Page();
            }
        }

        if (status is { } next)
        {
            await editor.SetStatusAsync(articleId, next, ct);
        }

        var done = status switch
        {
            ArticleStatus.Published => "published",
            ArticleStatus.Draft => "withdrawn",
            ArticleStatus.Archived => "archived",
            _ => Article is null ? "created" : "saved",
        };
        return Redirect(Url.Content($"~/admin/help/{articleId}?done={done}"));
    }

    private async Task<bool> LoadOrNewAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            return await LoadAsync(existing, ct);
        }

        await LoadOptionsAsync(ct);
        return true;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (Article is null)
        {
            return false;
        }

        await LoadOptionsAsync(ct);
        CategorySlug = await db.Categories.Where(c => c.Id == Article.CategoryId).Select(c => c.Slug).SingleOrDefaultAsync(ct);
        return true;
    }

    /// <summary>The body as the site would show it, or, when it cannot be shown, why.</summary>
    private string PreviewOf(string? body) => HelpAdmin.Preview(body ?? string.Empty, GuideVariables.Of(tenant.Tenant));

    private async Task LoadOptionsAsync(CancellationToken ct) =>
        CategoryOptions = HelpAdmin.CategoryOptions(await db.Categories.AsNoTracking().ToListAsync(ct), null);
}
