using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;
using Sportello.Core.Text;
using Sportello.Identity.Data;
using Sportello.Mail;

namespace Sportello.Identity.Domain;

internal sealed class CustomerAccounts(
    UserManager<SportelloUser> users, RoleGuard guard, AccountAudit audit, AccountMail mail, IdentityStoreDbContext db, TenantContext tenant) : ICustomerAccounts
{
    public async Task<CustomerAccountPage> SearchAsync(string? text, AccountStatusFilter status, int page, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, 10_000);
        var customers = await CustomersAsync(ct);
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Upper case on both sides, as NormalizedEmail already is: on PostgreSQL the trigram indexes of M0007
            // answer these LIKEs; SQLite scans, which stays fast at a single reseller's size.
            var pattern = "%" + Escape(text.Trim().ToUpperInvariant()) + "%";
            customers = customers.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern, "\\") || EF.Functions.Like(u.DisplayName.ToUpper(), pattern, "\\"));
        }

        customers = status switch
        {
            AccountStatusFilter.Active => customers.Where(u => u.LockoutEnd == null || u.LockoutEnd != DateTimeOffset.MaxValue),
            AccountStatusFilter.Deactivated => customers.Where(u => u.LockoutEnd == DateTimeOffset.MaxValue),
            _ => customers,
        };

        var rows = await customers.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((page - 1) * CustomerAccountPage.Size).Take(CustomerAccountPage.Size + 1)
            .ToListAsync(ct);
        return new(rows.Take(CustomerAccountPage.Size).Select(Account).ToList(), rows.Count > CustomerAccountPage.Size);
    }

    public async Task<CustomerAccount?> FindAsync(string userId, CancellationToken ct = default) =>
        await CustomerAsync(userId) is { } user ? Account(user) : null;

    public async Task<string?> SendPasswordAsync(string userId, PasswordDelivery delivery, CancellationToken ct = default)
    {
        if (await CustomerAsync(userId) is not { } user)
        {
            return new LocalizedText("L'account non esiste più.", "The account no longer exists.").ToString();
        }

        if (!user.EmailConfirmed)
        {
            return new LocalizedText("L'indirizzo dell'account non è ancora confermato: il cliente deve prima confermarlo dalla sua e-mail di registrazione.",
                "The account's address is not confirmed yet: the customer must first confirm it from their sign-up e-mail.").ToString();
        }

        try
        {
            if (delivery == PasswordDelivery.Link)
            {
                await mail.SendOperatorResetAsync(user, ct);
                await audit.RecordAsync(AuditActions.PasswordResetRequested, user, detail: "link sent by an operator", ct: ct);
                return null;
            }

            var password = GeneratedPasswords.New(users.Options.Password);
            var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!result.Succeeded)
            {
                return string.Join(" ", result.Errors.Select(IdentityMessages.Describe));
            }

            user.MustChangePassword = true; // a password that travelled by e-mail is never kept
            await users.UpdateAsync(user);
            await audit.RecordAsync(AuditActions.PasswordSetByOperator, user, detail: "generated and sent by e-mail", ct: ct);
            await mail.SendOperatorPasswordAsync(user, password, ct);
            return null;
        }
        catch (MailDeliveryException failed)
        {
            // With a generated password the old one is already gone: sending again makes a new one, and the
            // customer can always ask for a link from the sign-in page.
            return new LocalizedText("L'e-mail non è partita: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, MailDeliveryException.FormatOf(failed.Problem), failed.Server) + " Riprova più tardi.",
                "The e-mail was not sent: " + failed.Message + " Try again later.").ToString();
        }
    }

    public async Task<bool> SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        if (await CustomerAsync(userId) is not { } user)
        {
            return false;
        }

        var deactivated = user.LockoutEnd == DateTimeOffset.MaxValue;
        if (deactivated != active)
        {
            return false;
        }

        // The same suspension the users page applies: the sign-in page says the access is suspended, and only to
        // whoever typed the right password.
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue);
        if (!active)
        {
            await users.UpdateSecurityStampAsync(user); // its sessions end
        }

        await audit.RecordAsync(active ? AuditActions.UserUnlocked : AuditActions.UserLocked, user, detail: active ? "account reactivated" : "account deactivated", ct: ct);
        return true;
    }

    public async Task<IReadOnlyList<string>> SetPasswordAsync(string userId, string? password, string? confirmation, CancellationToken ct = default)
    {
        if (await CustomerAsync(userId) is not { } user)
        {
            return [new LocalizedText("L'account non esiste più.", "The account no longer exists.").ToString()];
        }

        if (string.IsNullOrEmpty(password) || password != confirmation)
        {
            return [new LocalizedText("Le due password non coincidono: scrivi la stessa password in entrambi i campi.",
                "The two passwords differ: type the same password in both fields.").ToString()];
        }

        // A reset rather than remove-and-add: the policy is checked first and the security stamp rotates, so the
        // customer's open sessions end and no half-changed account is left behind.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Select(IdentityMessages.Describe).ToList();
        }

        user.MustChangePassword = tenant.GetModuleSettings<IdentitySettings>(IdentityModule.ModuleId).ChangePasswordAfterOperatorReset;
        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditActions.PasswordSetByOperator, user, detail: user.MustChangePassword ? "to change at next sign-in" : null, ct: ct);
        return [];
    }

    /// <summary>Users who hold no role but the customer's: staff never show up here.</summary>
    private async Task<IQueryable<SportelloUser>> CustomersAsync(CancellationToken ct)
    {
        var customerRole = await db.Roles.Where(r => r.Name == DefaultRoles.Customer).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return db.Users.AsNoTracking().Where(u => !db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId != customerRole));
    }

    private async Task<SportelloUser?> CustomerAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && (await guard.OfUserAsync(user)).Count == 0 && (await users.GetRolesAsync(user)).All(r => r == DefaultRoles.Customer)
            ? user
            : null;

    private static CustomerAccount Account(SportelloUser u) => new(
        u.Id, u.Email ?? string.Empty, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName,
        u.CreatedUtc, u.LastSignInUtc, u.LockoutEnd != DateTimeOffset.MaxValue, u.IsInvited, u.MustChangePassword);

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
