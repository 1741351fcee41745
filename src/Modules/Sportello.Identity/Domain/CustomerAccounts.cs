using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;
using Sportello.Core.Text;
using Sportello.Identity.Data;
using Sportello.Mail;

namespace Sportello.Identity.Domain;

internal sealed class CustomerAccounts(
    UserManager<SportelloUser> users, AccountAudit audit, AccountMail mail, IdentityStoreDbContext db, TenantContext tenant) : ICustomerAccounts
{
    public async Task<CustomerAccountPage> SearchAsync(string? text, AccountStatusFilter status, int page, CancellationToken ct = default)
    {
        var customerRole = await db.Roles.Where(r => r.Name == DefaultRoles.Customer).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var rows = await AccountSearch.Page(AccountSearch.Customers(db, customerRole), text, status, page, CustomerAccountPage.Size).ToListAsync(ct);
        return new(rows.Take(CustomerAccountPage.Size).Select(Account).ToList(), rows.Count > CustomerAccountPage.Size);
    }

    public async Task<CustomerAccount?> FindAsync(string userId, CancellationToken ct = default) =>
        await CustomerAsync(userId) is { } user ? Account(user) : null;

    public async Task<string?> SendPasswordAsync(string userId, PasswordDelivery delivery, CancellationToken ct = default)
    {
        if (await CustomerAsync(userId) is not { } user)
        {
            return Gone.ToString();
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
                await audit.RecordAsync(AuditActions.PasswordResetRequested, user, detail: "link sent by an operator", ct: ct, byOthers: true);
                return null;
            }

            var password = GeneratedPasswords.New(users.Options.Password);
            var problems = await GuardedAsync(userId, async customer =>
            {
                Ensure(await users.ResetPasswordAsync(customer, await users.GeneratePasswordResetTokenAsync(customer), password));
                customer.MustChangePassword = true; // a password that travelled by e-mail is never kept
                Ensure(await users.UpdateAsync(customer));
                await audit.RecordAsync(AuditActions.PasswordSetByOperator, customer, detail: "generated and sent by e-mail", ct: ct, byOthers: true);
                return [];
            }, ct);
            if (problems.Count > 0)
            {
                return string.Join(" ", problems);
            }

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

    public async Task<bool> SetActiveAsync(string userId, bool active, CancellationToken ct = default) =>
        (await GuardedAsync(userId, async user =>
        {
            if ((user.LockoutEnd == DateTimeOffset.MaxValue) != active)
            {
                return [Gone.ToString()]; // already so
            }

            // The same suspension the users page applies: the sign-in page says the access is suspended, and only to
            // whoever typed the right password.
            Ensure(await users.SetLockoutEnabledAsync(user, true));
            Ensure(await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue));
            if (!active)
            {
                Ensure(await users.UpdateSecurityStampAsync(user)); // its sessions end
            }

            await audit.RecordAsync(active ? AuditActions.UserUnlocked : AuditActions.UserLocked, user, detail: active ? "account reactivated" : "account deactivated", ct: ct, byOthers: true);
            return [];
        }, ct)).Count == 0;

    public async Task<IReadOnlyList<string>> SetPasswordAsync(string userId, string? password, string? confirmation, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(password) || password != confirmation)
        {
            return await CustomerAsync(userId) is null
                ? [Gone.ToString()]
                : [new LocalizedText("Le due password non coincidono: scrivi la stessa password in entrambi i campi.",
                    "The two passwords differ: type the same password in both fields.").ToString()];
        }

        return await GuardedAsync(userId, async user =>
        {
            // A reset rather than remove-and-add: the policy is checked first and the security stamp rotates, so the
            // customer's open sessions end and no half-changed account is left behind.
            var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
            if (!result.Succeeded)
            {
                return result.Errors.Select(IdentityMessages.Describe).ToList();
            }

            user.MustChangePassword = tenant.GetModuleSettings<IdentitySettings>(IdentityModule.ModuleId).ChangePasswordAfterOperatorReset;
            Ensure(await users.UpdateAsync(user));
            await audit.RecordAsync(AuditActions.PasswordSetByOperator, user, detail: user.MustChangePassword ? "to change at next sign-in" : null, ct: ct, byOthers: true);
            return [];
        }, ct);
    }

    private static readonly LocalizedText Gone = new("L'account non esiste più.", "The account no longer exists.");

    private static readonly LocalizedText Conflict = new("Qualcun altro ha cambiato l'account nello stesso momento: ricarica la pagina e riprova.",
        "Someone else changed the account at the same moment: reload the page and try again.");

    /// <summary>
    /// Runs a change on a customer's account in one serializable transaction with the check that it is a customer,
    /// as the users page does: a promotion to staff at the same moment makes one of the two fail, never an operator
    /// change an administrator's password. Returns the refusals; empty when the change was saved.
    /// </summary>
    private async Task<IReadOnlyList<string>> GuardedAsync(string userId, Func<SportelloUser, Task<IReadOnlyList<string>>> change, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
            if (await CustomerAsync(userId) is not { } user)
            {
                return [Gone.ToString()];
            }

            var refused = await change(user);
            if (refused.Count == 0)
            {
                await transaction.CommitAsync(ct);
            }

            return refused;
        }
        catch (Exception failed) when (failed is IdentityConflictException || Sportello.Core.Storage.StoreConflicts.IsConflict(failed))
        {
            db.ChangeTracker.Clear();
            return [Conflict.ToString()];
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new IdentityConflictException();
        }
    }

    /// <summary>The store refused an account change (its concurrency stamp moved under us).</summary>
    private sealed class IdentityConflictException : Exception;

    /// <summary>
    /// The user when they hold no role but the customer's, the rule <see cref="AccountSearch.Customers"/> lists by:
    /// permissions the tenant grants customers (say, to pay) do not make them staff.
    /// </summary>
    private async Task<SportelloUser?> CustomerAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && (await users.GetRolesAsync(user)).All(r => r == DefaultRoles.Customer) ? user : null;

    private static CustomerAccount Account(SportelloUser u) => new(
        u.Id, u.Email ?? string.Empty, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName,
        u.CreatedUtc, u.LastSignInUtc, u.LockoutEnd != DateTimeOffset.MaxValue, u.IsInvited, u.MustChangePassword);
}
