using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Pages.Help;

/// <summary>/help/search?q=: results with highlighted passages, counts per topic, pages and a spelling suggestion.</summary>
public sealed class SearchModel(HelpSearch search, HelpCenter help) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "categoria")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public SearchResults Results { get; private set; } = SearchResults.Nothing(SearchOutcome.Empty);
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public int PageCount => Math.Min(HelpSearch.MaxPage, (Results.Total + HelpSearch.PageSize - 1) / HelpSearch.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, HelpSearch.MaxPage);
        Results = await search.SearchAsync(Q, Category, PageNumber, ct);
        Categories = await help.CategoriesAsync(ct);
    }

    public string TitleOf(string slug) => Categories.FirstOrDefault(c => c.Slug == slug)?.Title ?? slug;

    public string Link(string? category, int page)
    {
        var query = "?q=" + Uri.EscapeDataString(Q ?? string.Empty);
        if (category is not null)
        {
            query += "&categoria=" + Uri.EscapeDataString(category);
        }

        if (page > 1)
        {
            query += "&pagina=" + page;
        }

        return Url.Content("~/help/search") + query;
    }
}
