using Microsoft.AspNetCore.Mvc;

namespace Sportello.Organizations.Pages.Area;

/// <summary>Above every customer-area page: the organization the customer acts for, and the others they may switch to.</summary>
public sealed class OrganizationSwitcher(ICurrentOrganization current) : ViewComponent
{
    public sealed record Model(OrganizationMembership Current, IReadOnlyList<OrganizationMembership> All);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        // Staff and new customers belong to no organization: nothing to show, not even an empty bar.
        if (await current.GetAsync(HttpContext.RequestAborted) is not { } membership)
        {
            return Content(string.Empty);
        }

        return View("~/Pages/Area/OrganizationSwitcher.cshtml", new Model(membership, await current.AllAsync(HttpContext.RequestAborted)));
    }
}
