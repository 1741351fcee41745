using Sportello.Core.Modules;

namespace Sportello.Identity;

/// <summary>
/// What the back office does to a customer's account for them. The caller has already checked the operator's
/// permission; each change is audited here with the operator as actor.
/// </summary>
[ModuleContract("identity")]
public interface ICustomerAccounts
{
    /// <summary>
    /// Sets a password the operator typed twice and will tell the customer; no e-mail is sent. The customer's
    /// sessions end, and (tenant setting, on by default) they choose their own password at the next sign-in.
    /// Returns why it was refused (the confirmation differs, the tenant's policy), in the UI language; empty when set.
    /// </summary>
    Task<IReadOnlyList<string>> SetPasswordAsync(string userId, string? password, string? confirmation, CancellationToken ct = default);

    /// <summary>
    /// Deactivates (its sessions end and it cannot sign in; its records stay) or reactivates a customer's account.
    /// False when the account is unknown, already so, or staff: staff are locked on the users page, under its guard.
    /// </summary>
    Task<bool> SetActiveAsync(string userId, bool active, CancellationToken ct = default);
}
