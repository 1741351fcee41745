using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Admin.Help;

/// <summary>The category tree: create, change and delete categories; a category that still holds guides is not deleted.</summary>
[RequirePermission(KnowledgeBasePermissions.Manage)]
public sealed class CategoriesModel(KnowledgeBaseDbContext db, CategoryEditor editor) : PageModel
{
    public sealed record Row(Category Category, int Depth, string? Parent, int Guides);

    /// <summary>The category being edited; null for a new one.</summary>
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    [BindProperty] public string? Title { get; set; } = string.Empty;
    [BindProperty] public string? Slug { get; set; } = string.Empty;
    [BindProperty] public string? Description { get; set; } = string.Empty;
    [BindProperty] public string? Icon { get; set; } = "help";
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public int Order { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ParentOptions { get; private set; } = [];
    public IReadOnlyList<ValidationProblem> Problems { get; private set; } = [];
    public string? Message { get; private set; }
    public Category? Editing { get; private set; }

    public IEnumerable<ValidationProblem> ProblemsFor(string field) => Problems.Where(p => p.Field == field);
    public string? ErrorId(string field) => Problems.Any(p => p.Field == field) ? $"{field}-error" : null;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Edit is not null)
        {
            if (Editing is null)
            {
                return NotFound();
            }

            (Title, Slug, Description, Icon, ParentId, Order) =
                (Editing.Title, Editing.Slug, Editing.Description, Editing.Icon, Editing.ParentId, Editing.Order);
        }
        else
        {
            Order = Rows.Count == 0 ? 10 : Rows.Max(r => r.Category.Order) + 10;
        }

        Message = done switch
        {
            "created" => "Categoria creata.",
            "saved" => "Categoria salvata.",
            "deleted" => "Categoria eliminata.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var problems = await editor.SaveAsync(Edit, new CategoryDraft(Title ?? string.Empty, Slug ?? string.Empty, Description ?? string.Empty,
            Icon ?? string.Empty, ParentId, Order), ct);
        if (problems.Count > 0)
        {
            Problems = problems;
            await LoadAsync(ct);
            return Page();
        }

        return Redirect(Url.Content($"~/admin/help/categories?done={(Edit is null ? "created" : "saved")}"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var problems = await editor.DeleteAsync(id, ct);
        if (problems.Count > 0)
        {
            Problems = problems;
            Edit = null;
            await LoadAsync(ct);
            return Page();
        }

        return Redirect(Url.Content("~/admin/help/categories?done=deleted"));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var counts = await db.Articles.AsNoTracking().GroupBy(a => a.CategoryId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var titles = categories.ToDictionary(c => c.Id, c => c.Title);
        var tree = HelpAdmin.Tree(categories);
        Rows = tree
            .Select(t => new Row(t.Category, t.Depth, t.Category.ParentId is { } p ? titles.GetValueOrDefault(p) : null, counts.GetValueOrDefault(t.Category.Id)))
            .ToList();
        Editing = Edit is { } id ? categories.SingleOrDefault(c => c.Id == id) : null;
        // Only top-level categories can be parents: the tree has one level of children.
        ParentOptions = tree
            .Where(t => t.Depth == 0 && t.Category.Id != Edit)
            .Select(t => new SelectListItem(t.Category.Title, t.Category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
