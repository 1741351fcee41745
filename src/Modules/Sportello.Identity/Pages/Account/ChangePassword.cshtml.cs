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

    /// <summary>An operator set the password: the customer must choose their own before going on.</summary>
    public bool Required => User.HasClaim(PermissionClaimsFactory.MustChangePasswordClaim, "on");

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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

        var wasRequired = user.MustChangePassword;
        if (wasRequired)
        {
            user.MustChangePassword = false;
            await signIn.UserManager.UpdateAsync(user);
        }

        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.PasswordChanged, user, ct: ct);
        if (wasRequired)
        {
            return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        }

        Changed = true;
        return Page();
    }
}
