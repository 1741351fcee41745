using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity.Data;

namespace Sportello.Identity.Pages.Account;

[Authorize]
public sealed class IndexModel(UserManager<SportelloUser> users) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? string.Empty;
        Roles = await users.GetRolesAsync(user);
        return Page();
    }
}
