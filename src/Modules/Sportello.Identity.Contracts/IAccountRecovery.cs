using Sportello.Core.Modules;

namespace Sportello.Identity;

/// <summary>
/// What a module may do to a user's sign-in once someone proved who they are (an approved identity check): never
/// on its own, always for a reason the caller records.
/// </summary>
[ModuleContract("identity")]
public interface IAccountRecovery
{
    /// <summary>Turns two-factor sign-in off and forgets the authenticator key and recovery codes; false when the user is unknown.</summary>
    Task<bool> DisableTwoFactorAsync(string userId, string reason, CancellationToken ct = default);

    /// <summary>Lifts a lockout and clears the failed attempts; false when the user is unknown.</summary>
    Task<bool> UnlockAsync(string userId, string reason, CancellationToken ct = default);
}
