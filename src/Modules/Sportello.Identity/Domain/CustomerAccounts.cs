using Microsoft.AspNetCore.Identity;
using Sportello.Core.Tenancy;
using Sportello.Core.Text;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

internal sealed class CustomerAccounts(UserManager<SportelloUser> users, RoleGuard guard, AccountAudit audit, TenantContext tenant) : ICustomerAccounts
{
    public async Task<bool> SetActiveAsync(string userId, bool active, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user || (await guard.OfUserAsync(user)).Count > 0)
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
        if (await users.FindByIdAsync(userId) is not { } user)
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
}
