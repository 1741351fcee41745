using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Help;

[OutputCache(PolicyName = TenantOutputCachePolicy.Name)]
public sealed class CategoryModel(HelpCenter help) : PageModel
{
    public Category Category { get; private set; } = null!;
    public Category? Parent { get; private set; }
    public IReadOnlyList<Category> Subcategories { get; private set; } = [];
    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string category, CancellationToken ct)
    {
        var categories = await help.CategoriesAsync(ct);
        if (categories.FirstOrDefault(c => c.Slug == category) is not { } found)
        {
            return NotFound();
        }

        Category = found;
        Parent = categories.FirstOrDefault(c => c.Id == found.ParentId);
        Subcategories = categories.Where(c => c.ParentId == found.Id).ToList();
        Articles = await help.PublishedInAsync(found.Id, ct);
        return Page();
    }
}
