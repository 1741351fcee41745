using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Security;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

[Authorize]
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class ChangePasswordModel(SignInManager<SportelloUser> signIn, AccountAudit audit) : PageModel
{
    [BindProperty]
    public string Current { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    public bool Changed { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // ChangePasswordAsync also rotates the security stamp: other sessions and pending reset links stop working.
        var result = await signIn.UserManager.ChangePasswordAsync(user, Current, Password);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(IdentityMessages.Describe).ToList();
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.PasswordChanged, user, ct: ct);
        Changed = true;
        return Page();
    }
}
