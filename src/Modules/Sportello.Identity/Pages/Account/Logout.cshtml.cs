using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

public sealed class LogoutModel(SignInManager<SportelloUser> signIn, AccountAudit audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await audit.RecordAsync(AuditActions.SignedOut, user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect(Url.Content("~/"));
    }
}
