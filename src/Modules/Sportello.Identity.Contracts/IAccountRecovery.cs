using Sportello.Core.Modules;

namespace Sportello.Identity;

/// <summary>
/// What a module may do to a user's sign-in once someone proved who they are (an approved identity check): never
/// on its own, always for a reason the caller records, and only for customers: staff, who hold back-office
/// permissions, are recovered by an administrator on the users page, where nobody acts beyond their own rights.
/// </summary>
[ModuleContract("identity")]
public interface IAccountRecovery
{
    /// <summary>Whether the user is a customer these recoveries may act on.</summary>
    Task<bool> CanRecoverAsync(string userId, CancellationToken ct = default);

    /// <summary>
    /// Turns two-factor sign-in off and forgets the authenticator key, recovery codes, passkeys and the password,
    /// then e-mails a link to choose a new password: whoever knew the old one (it may be why the check was asked)
    /// gains nothing. False when the user is unknown or staff.
    /// </summary>
    Task<bool> DisableTwoFactorAsync(string userId, string reason, CancellationToken ct = default);

    /// <summary>Lifts a lockout after failed attempts and clears them; never a suspension an administrator chose. False when nothing was lifted.</summary>
    Task<bool> UnlockAsync(string userId, string reason, CancellationToken ct = default);
}
