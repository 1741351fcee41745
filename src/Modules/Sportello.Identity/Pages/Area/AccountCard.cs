using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Sportello.Identity.Data;

namespace Sportello.Identity.Pages.Area;

/// <summary>The customer area's card about the account itself: address, second factor, last sign-in.</summary>
public sealed class AccountCard(UserManager<SportelloUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = await users.GetUserAsync(UserClaimsPrincipal);
        return View("~/Pages/Area/AccountCard.cshtml", user);
    }
}
