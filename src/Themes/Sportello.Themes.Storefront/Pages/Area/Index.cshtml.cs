using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Modules;
using Sportello.Core.Web;

namespace Sportello.Themes.Storefront.Pages.Area;

/// <summary>The customer area's dashboard: a card from each enabled module the user may see. Visitors sign in first.</summary>
[Authorize]
public sealed class IndexModel(CustomerArea area) : PageModel
{
    public IReadOnlyList<CustomerCard> Cards { get; private set; } = [];

    public async Task OnGetAsync() => Cards = await area.CardsAsync(User);
}
