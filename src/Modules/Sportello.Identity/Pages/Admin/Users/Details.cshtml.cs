using System.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Audit;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;
using Sportello.Mail;

namespace Sportello.Identity.Pages.Admin.Users;

/// <summary>
/// One user: roles, lock and unlock, two-factor reset, a new invitation, removal. Each change is refused when it
/// would hand out or touch permissions the administrator does not hold, or leave the tenant without an active
/// administrator; each ends the user's other sessions and is audited.
/// </summary>
[RequirePermission(IdentityPermissions.ManageUsers)]
public sealed class DetailsModel(
    UserManager<SportelloUser> users,
    SignInManager<SportelloUser> signIn,
    RoleManager<SportelloRole> roles,
    IdentityStoreDbContext db,
    RoleGuard guard,
    AccountMail mail,
    AccountAudit audit,
    TimeProvider time,
    IStringLocalizer<IdentityStrings> L) : PageModel
{
    public sealed record RoleOption(string Name, bool Held, IReadOnlyList<string> Missing);

    public SportelloUser Subject { get; private set; } = null!;
    public UserState State { get; private set; }
    public IReadOnlyList<RoleOption> RoleOptions { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public bool IsSelf { get; private set; }
    public string? Message { get; private set; }
    public FieldErrors Errors { get; } = new();

    /// <summary>"lock" or "delete": the step that asks before a consequential action.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    [BindProperty]
    public List<string> SelectedRoles { get; set; } = [];

    [BindProperty]
    public string ConfirmEmail { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string id, string? done)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Message = done switch
        {
            "roles" => L["Ruoli salvati. L'utente dovrà accedere di nuovo."].Value,
            "locked" => L["Utente bloccato: le sue sessioni aperte sono state chiuse."].Value,
            "unlocked" => L["Utente sbloccato."].Value,
            "two-factor" => L["Verifica in due passaggi azzerata: l'utente potrà attivarla di nuovo."].Value,
            "invited" => L["Invito inviato di nuovo."].Value,
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostRolesAsync(string id, CancellationToken ct) => ActAsync(id, "roles", async (actor, target) =>
    {
        var known = await roles.Roles.Select(r => r.Name!).ToListAsync(ct);
        var selected = SelectedRoles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToList();
        if (selected.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            return L["Il ruolo «{0}» non esiste.", unknown];
        }

        var held = await users.GetRolesAsync(target);
        var added = selected.Except(held).ToList();
        var removed = held.Except(selected).ToList();
        if (added.Count + removed.Count == 0)
        {
            return null;
        }

        if (await guard.MissingForRolesAsync(actor, added.Concat(removed)) is { Count: > 0 } missing)
        {
            return L["Non puoi assegnare o togliere questi ruoli: danno permessi che tu non hai ({0}).", string.Join(", ", missing)];
        }

        if (removed.Contains(DefaultRoles.Administrator) && await guard.IsLastAdministratorAsync(target))
        {
            return L["{0} è l'ultimo amministratore attivo: nomina prima un altro amministratore.", target.Email!];
        }

        await users.AddToRolesAsync(target, added);
        await users.RemoveFromRolesAsync(target, removed);
        await users.UpdateSecurityStampAsync(target); // the roles travel in the cookie: a fresh sign-in takes the new ones
        if (target.Id == actor.Id)
        {
            await signIn.RefreshSignInAsync(target); // this session carries on, with the new roles
        }

        await audit.RecordAsync(AuditActions.UserRolesChanged, target, detail: $"+[{string.Join(", ", added)}] -[{string.Join(", ", removed)}]", ct: ct);
        return null;
    });

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct) => ActAsync(id, "locked", async (actor, target) =>
    {
        if (target.Id == actor.Id)
        {
            return L["Non puoi bloccare il tuo stesso utente."];
        }

        if (await guard.IsLastAdministratorAsync(target))
        {
            return L["{0} è l'ultimo amministratore attivo: nomina prima un altro amministratore.", target.Email!];
        }

        await users.SetLockoutEnabledAsync(target, true);
        await users.SetLockoutEndDateAsync(target, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(target); // ends the sessions the user has open
        await audit.RecordAsync(AuditActions.UserLocked, target, ct: ct);
        return null;
    });

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct) => ActAsync(id, "unlocked", async (_, target) =>
    {
        await users.SetLockoutEndDateAsync(target, null);
        await users.ResetAccessFailedCountAsync(target);
        await audit.RecordAsync(AuditActions.UserUnlocked, target, ct: ct);
        return null;
    });

    public Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct) => ActAsync(id, "two-factor", async (actor, target) =>
    {
        await users.SetTwoFactorEnabledAsync(target, false);
        await users.ResetAuthenticatorKeyAsync(target); // rotates the security stamp too
        if (target.Id == actor.Id)
        {
            await signIn.RefreshSignInAsync(target);
        }

        await audit.RecordAsync(AuditActions.TwoFactorReset, target, ct: ct);
        return null;
    });

    public Task<IActionResult> OnPostResendInvitationAsync(string id, CancellationToken ct) => ActAsync(id, "invited", async (_, target) =>
    {
        if (!target.IsInvited)
        {
            return L["L'utente ha già scelto la sua password."];
        }

        try
        {
            await mail.SendSetPasswordAsync(target, ct);
        }
        catch (MailDeliveryException ex)
        {
            return L["L'invito non è partito. {0}", L[MailDeliveryException.FormatOf(ex.Problem), ex.Server]];
        }

        await audit.RecordAsync(AuditActions.InvitationResent, target, ct: ct);
        return null;
    });

    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken ct)
    {
        var outcome = await ActAsync(id, "deleted", async (actor, target) =>
        {
            if (target.Id == actor.Id)
            {
                return L["Non puoi eliminare il tuo stesso utente."];
            }

            if (!string.Equals(ConfirmEmail.Trim(), target.Email, StringComparison.OrdinalIgnoreCase))
            {
                Errors.Add(nameof(ConfirmEmail), L["Per confermare scrivi l'indirizzo dell'utente: {0}", target.Email!]);
                Confirm = "delete";
                return string.Empty;
            }

            if (await guard.IsLastAdministratorAsync(target))
            {
                return L["{0} è l'ultimo amministratore attivo: nomina prima un altro amministratore.", target.Email!];
            }

            await audit.RecordAsync(AuditActions.UserDeleted, target, ct: ct);
            await users.DeleteAsync(target);
            return null;
        });
        return outcome is RedirectToPageResult ? RedirectToPage("Index", new { done = "deleted" }) : outcome;
    }

    /// <summary>
    /// Runs a change on the user in one serializable transaction, so two administrators acting at once cannot both
    /// pass the "last administrator" check. <paramref name="change"/> returns why it refused, or null.
    /// </summary>
    private async Task<IActionResult> ActAsync(string id, string done, Func<SportelloUser, SportelloUser, Task<string?>> change)
    {
        var actor = await users.GetUserAsync(User);
        if (actor is null)
        {
            return Challenge();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
        var target = await users.FindByIdAsync(id);
        if (target is null)
        {
            return NotFound();
        }

        var refused = await guard.MissingToActOnAsync(actor, target) is { Count: > 0 } missing
            ? L["Non puoi modificare {0}: ha permessi che tu non hai ({1}).", target.Email!, string.Join(", ", missing)].Value
            : await change(actor, target);
        if (refused is not null)
        {
            await transaction.RollbackAsync();
            if (refused.Length > 0)
            {
                Errors.Add("actions", refused);
            }

            await LoadAsync(id);
            return Page();
        }

        await transaction.CommitAsync();
        return RedirectToPage(new { id, done });
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        var actor = await users.GetUserAsync(User);
        if (user is null || actor is null)
        {
            return false;
        }

        Subject = user;
        IsSelf = user.Id == actor.Id;
        State = UserStates.Of(user, time.GetUtcNow());
        var held = await users.GetRolesAsync(user);
        var options = new List<RoleOption>();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync())
        {
            options.Add(new RoleOption(role, held.Contains(role), await guard.MissingForRolesAsync(actor, [role])));
        }

        RoleOptions = options;
        History = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.SubjectType == AccountAudit.SubjectType && a.SubjectId == user.Id)
            .OrderByDescending(a => a.OccurredUtc).Take(20).ToListAsync();
        return true;
    }
}
