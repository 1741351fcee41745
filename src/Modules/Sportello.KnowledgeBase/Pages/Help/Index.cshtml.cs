using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Help;

[OutputCache(PolicyName = TenantOutputCachePolicy.Name)]
public sealed class IndexModel(HelpCenter help) : PageModel
{
    public IReadOnlyList<Category> TopLevel { get; private set; } = [];
    public ILookup<int?, Category> Children { get; private set; } = Array.Empty<Category>().ToLookup(c => c.ParentId);
    public IReadOnlyDictionary<int, int> Counts { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyDictionary<int, string> CategorySlugs { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<Article> Recent { get; private set; } = [];
    public IReadOnlyList<Article> MostRead { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var categories = await help.CategoriesAsync(ct);
        TopLevel = categories.Where(c => c.ParentId is null).ToList();
        Children = categories.ToLookup(c => c.ParentId);
        CategorySlugs = categories.ToDictionary(c => c.Id, c => c.Slug);
        Counts = await help.PublishedCountsAsync(ct);
        Recent = await help.RecentlyUpdatedAsync(6, ct);
        MostRead = await help.MostReadAsync(6, ct);
    }
}
