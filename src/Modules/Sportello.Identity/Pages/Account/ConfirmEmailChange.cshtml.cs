using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

public sealed class ConfirmEmailChangeModel(SignInManager<SportelloUser> signIn, AccountAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var users = signIn.UserManager;
        if (UserId is null || Email is null || Code is null || await users.FindByIdAsync(UserId) is not { } user)
        {
            return;
        }

        var previous = user.Email;
        // ChangeEmailAsync verifies the token and rotates the security stamp; the login name follows the address.
        Changed = (await users.ChangeEmailAsync(user, Email, Code)).Succeeded
            && (await users.SetUserNameAsync(user, Email)).Succeeded;
        if (Changed)
        {
            await audit.RecordAsync(AuditActions.EmailChanged, user, detail: $"da {previous}", ct: ct);
            await signIn.SignOutAsync();
        }
    }
}
