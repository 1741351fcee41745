using Microsoft.AspNetCore.Identity;
using Sportello.Core.Events;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>The sign-in changes another module asks for after proving who the user is, each audited with its reason.</summary>
internal sealed class AccountRecovery(UserManager<SportelloUser> users, RoleGuard guard, IdentityStoreDbContext db, AccountAudit audit) : IAccountRecovery
{
    public async Task<bool> CanRecoverAsync(string userId, CancellationToken ct = default) =>
        await users.FindByIdAsync(userId) is { } user && await IsCustomerAsync(user);

    public async Task<bool> DisableTwoFactorAsync(string userId, string reason, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user || !await IsCustomerAsync(user))
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // rotates the security stamp: open sessions end
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        }

        if (await users.HasPasswordAsync(user))
        {
            await users.RemovePasswordAsync(user);
        }

        db.Raise(new PasswordResetRequested(user.Id));
        await audit.RecordAsync(AuditActions.TwoFactorReset, user, detail: reason, ct: ct);
        return true;
    }

    public async Task<bool> UnlockAsync(string userId, string reason, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user || !await IsCustomerAsync(user)
            || user.LockoutEnd == DateTimeOffset.MaxValue || !await users.IsLockedOutAsync(user))
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.UserUnlocked, user, detail: reason, ct: ct);
        return true;
    }

    private async Task<bool> IsCustomerAsync(SportelloUser user) => (await guard.OfUserAsync(user)).Count == 0;
}
