using Microsoft.AspNetCore.Identity;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>The sign-in changes another module asks for after proving who the user is, each audited with its reason.</summary>
internal sealed class AccountRecovery(UserManager<SportelloUser> users, AccountAudit audit) : IAccountRecovery
{
    public async Task<bool> DisableTwoFactorAsync(string userId, string reason, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user); // rotates the security stamp: open sessions end
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        await audit.RecordAsync(AuditActions.TwoFactorReset, user, detail: reason, ct: ct);
        return true;
    }

    public async Task<bool> UnlockAsync(string userId, string reason, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.UserUnlocked, user, detail: reason, ct: ct);
        return true;
    }
}
