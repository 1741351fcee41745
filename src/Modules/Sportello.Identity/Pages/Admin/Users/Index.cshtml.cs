using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Admin.Users;

/// <summary>The tenant's users: search, invite, lock and unlock, reset two-factor. Every change is audited.</summary>
[RequirePermission(IdentityPermissions.ManageUsers)]
public sealed class IndexModel(
    UserManager<SportelloUser> users,
    RoleManager<SportelloRole> roles,
    IdentityStoreDbContext db,
    AccountMail mail,
    AuditLog audit,
    PlanLimits limits,
    TimeProvider time) : PageModel
{
    private const int PageSize = 100;

    public sealed record Row(string Id, string Name, string Email, IList<string> Roles, bool Locked, bool TwoFactor);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string InviteName { get; set; } = string.Empty;

    [BindProperty]
    public string InviteEmail { get; set; } = string.Empty;

    [BindProperty]
    public string InviteRole { get; set; } = DefaultRoles.Customer;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public string? Message { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) => ChangeAsync(id, async user =>
    {
        if (user.Id == users.GetUserId(User))
        {
            return "Non puoi bloccare il tuo stesso utente.";
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user); // ends the sessions the user has open
        await audit.RecordAsync(AuditActions.UserLocked, user, ct: ct);
        return null;
    }, "Utente bloccato.");

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) => ChangeAsync(id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.UserUnlocked, user, ct: ct);
        return null;
    }, "Utente sbloccato.");

    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) => ChangeAsync(id, async user =>
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorReset, user, ct: ct);
        return null;
    }, "Verifica in due passaggi azzerata: l'utente potrà attivarla di nuovo.");

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(InviteName) || InviteName.Length > 200)
        {
            errors.Add("Scrivi nome e cognome (al massimo 200 caratteri).");
        }

        if (EmailAddress.Check(InviteEmail) is not null)
        {
            errors.Add("Scrivi un indirizzo e-mail valido (esempio: nome@dominio.it).");
        }
        else if (await users.FindByEmailAsync(InviteEmail.Trim()) is not null)
        {
            errors.Add("Questo indirizzo e-mail è già in uso.");
        }

        if (await roles.FindByNameAsync(InviteRole) is null)
        {
            errors.Add("Il ruolo scelto non esiste.");
        }

        try
        {
            await limits.EnsureAvailableAsync(UserCount.LimitKey, ct: ct);
        }
        catch (SportelloValidationException ex)
        {
            errors.Add(ex.Problems[0].Message);
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            await LoadAsync();
            return Page();
        }

        var email = InviteEmail.Trim();
        var user = new SportelloUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true, // the set-password link proves the mailbox
            DisplayName = InviteName.Trim(),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        await users.CreateAsync(user);
        await users.AddToRoleAsync(user, InviteRole);
        await mail.SendSetPasswordAsync(user, ct);
        await audit.RecordAsync(AuditActions.UserInvited, user, detail: InviteRole, ct: ct);
        return RedirectToPage(new { done = "invited" });
    }

    private async Task<IActionResult> ChangeAsync(string id, Func<SportelloUser, Task<string?>> change, string done)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var refused = await change(user);
        if (refused is not null)
        {
            Errors = [refused];
            await LoadAsync();
            return Page();
        }

        Message = done;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        if (Request.Query["done"] == "invited")
        {
            Message ??= "Invito inviato: l'utente riceverà un collegamento per scegliere la password.";
        }

        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q));
        }

        var page = await query.OrderBy(u => u.NormalizedEmail).Take(PageSize).ToListAsync();
        var ids = page.Select(u => u.Id).ToList();
        var memberships = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync())
            .ToLookup(m => m.UserId, m => m.Name!);
        var now = time.GetUtcNow();
        Rows = page.Select(user => new Row(user.Id, user.DisplayName, user.Email ?? string.Empty, memberships[user.Id].Order().ToList(),
            user.LockoutEnd is { } end && end > now, user.TwoFactorEnabled)).ToList();
        RoleNames = await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();
    }
}
