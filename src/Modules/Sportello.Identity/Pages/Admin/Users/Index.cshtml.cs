using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;
using Sportello.Mail;

namespace Sportello.Identity.Pages.Admin.Users;

/// <summary>The tenant's users: search and invite. Each user's own page holds roles, locking, reset and removal.</summary>
[RequirePermission(IdentityPermissions.ManageUsers)]
public sealed class IndexModel(
    UserManager<SportelloUser> users,
    RoleManager<SportelloRole> roles,
    IdentityStoreDbContext db,
    RoleGuard guard,
    AccountMail mail,
    AccountAudit audit,
    PlanLimits limits,
    TimeProvider time,
    IStringLocalizer<IdentityStrings> L) : PageModel
{
    private const int PageSize = 100;

    public sealed record Row(string Id, string Name, string Email, IReadOnlyList<string> Roles, UserState State, bool TwoFactor, DateTime? LastSignInUtc);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string InviteName { get; set; } = string.Empty;

    [BindProperty]
    public string InviteEmail { get; set; } = string.Empty;

    [BindProperty]
    public string InviteRole { get; set; } = DefaultRoles.Customer;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>The roles this administrator may invite into: only those whose permissions they hold.</summary>
    public IReadOnlyList<string> InvitableRoles { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>What went wrong after the change was made (the invitation e-mail), for an alert above the list.</summary>
    public string? Problem { get; private set; }

    public FieldErrors Errors { get; } = new();

    public async Task OnGetAsync(string? done)
    {
        Message = done switch
        {
            "invited" => L["Invito inviato: l'utente riceverà un collegamento per scegliere la password."].Value,
            "deleted" => L["Utente eliminato."].Value,
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var actor = await users.GetUserAsync(User);
        if (actor is null)
        {
            return Challenge();
        }

        var name = InviteName.Trim();
        var email = InviteEmail.Trim();
        PersonFields.Check(Errors, L, nameof(InviteName), name, nameof(InviteEmail), email);
        if (!Errors.Has(nameof(InviteEmail)) && await users.FindByEmailAsync(email) is not null)
        {
            Errors.Add(nameof(InviteEmail), L["Questo indirizzo e-mail è già in uso."]);
        }

        if (await roles.FindByNameAsync(InviteRole) is null)
        {
            Errors.Add(nameof(InviteRole), L["Il ruolo scelto non esiste."]);
        }
        else if (await guard.MissingForRolesAsync(actor, [InviteRole]) is { Count: > 0 } missing)
        {
            Errors.Add(nameof(InviteRole), L["Non puoi invitare come «{0}»: il ruolo dà permessi che tu non hai ({1}).", L[RoleNames.Display(InviteRole)], string.Join(", ", missing)]);
        }

        try
        {
            await limits.EnsureAvailableAsync(UserCount.LimitKey, ct: ct);
        }
        catch (SportelloValidationException ex)
        {
            Errors.Add(nameof(InviteEmail), ex.Problems[0].Message);
        }

        if (Errors.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        var user = new SportelloUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true, // the set-password link proves the mailbox
            DisplayName = name,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        await users.CreateAsync(user);
        await users.AddToRoleAsync(user, InviteRole);
        await audit.RecordAsync(AuditActions.UserInvited, user, detail: InviteRole, ct: ct);
        try
        {
            await mail.SendSetPasswordAsync(user, ct);
        }
        catch (MailDeliveryException ex)
        {
            // The user stays, invited: the invitation can be sent again from their page once mail works.
            Problem = L["{0} è stato aggiunto, ma l'invito non è partito. {1} Controlla le impostazioni e-mail, poi invialo di nuovo dalla scheda dell'utente.", email, L[MailDeliveryException.FormatOf(ex.Problem), ex.Server]];
            InviteName = InviteEmail = string.Empty;
            ModelState.Clear();
            await LoadAsync();
            return Page();
        }

        return RedirectToPage(new { done = "invited" });
    }

    private async Task LoadAsync()
    {
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q));
        }

        Total = await query.CountAsync();
        var page = await query.OrderBy(u => u.NormalizedEmail).Take(PageSize).ToListAsync();
        var ids = page.Select(u => u.Id).ToList();
        var memberships = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync())
            .ToLookup(m => m.UserId, m => m.Name!);
        var now = time.GetUtcNow();
        Rows = page.Select(user => new Row(user.Id, user.DisplayName, user.Email ?? string.Empty,
            memberships[user.Id].Select(RoleNames.Display).Order().ToList(), UserStates.Of(user, now), user.TwoFactorEnabled, user.LastSignInUtc)).ToList();

        var actor = await users.GetUserAsync(User);
        var invitable = new List<string>();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync())
        {
            if (actor is not null && (await guard.MissingForRolesAsync(actor, [role])).Count == 0)
            {
                invitable.Add(role);
            }
        }

        InvitableRoles = invitable;
    }
}
