using Sportello.Core.Modules;

namespace Sportello.Identity;

/// <summary>
/// The customers' shop accounts as the back office manages them. The caller has already checked the operator's
/// permission; each change is audited here with the operator as actor. Staff accounts are never found or changed
/// here: they are managed on the users page, under its role guard.
/// </summary>
[ModuleContract("identity")]
public interface ICustomerAccounts
{
    /// <summary>
    /// Customer accounts whose name or e-mail contains <paramref name="text"/> (any case; all when empty), by name,
    /// <see cref="CustomerAccountPage.Size"/> per page from page 1.
    /// </summary>
    Task<CustomerAccountPage> SearchAsync(string? text, AccountStatusFilter status, int page, CancellationToken ct = default);

    /// <summary>A customer's account; null when unknown or staff.</summary>
    Task<CustomerAccount?> FindAsync(string userId, CancellationToken ct = default);

    /// <summary>
    /// Sets a password the operator typed twice and will tell the customer; no e-mail is sent. The customer's
    /// sessions end, and (tenant setting, on by default) they choose their own password at the next sign-in.
    /// Returns why it was refused (the confirmation differs, the tenant's policy), in the UI language; empty when set.
    /// </summary>
    Task<IReadOnlyList<string>> SetPasswordAsync(string userId, string? password, string? confirmation, CancellationToken ct = default);

    /// <summary>
    /// E-mails the customer, through the tenant's template, either a link valid one hour to choose a new password
    /// or a generated password they must change at the first sign-in (whose sessions then end). Returns why nothing
    /// went out (no confirmed address, the mail server refused), in the UI language; null when sent.
    /// </summary>
    Task<string?> SendPasswordAsync(string userId, PasswordDelivery delivery, CancellationToken ct = default);

    /// <summary>
    /// Deactivates (its sessions end and it cannot sign in; its records stay) or reactivates a customer's account.
    /// False when the account is unknown, already so, or staff.
    /// </summary>
    Task<bool> SetActiveAsync(string userId, bool active, CancellationToken ct = default);
}

/// <summary>Which accounts a search lists.</summary>
public enum AccountStatusFilter
{
    All,
    Active,
    Deactivated,
}

/// <summary>What an operator's reset from the customer's record sends.</summary>
public enum PasswordDelivery
{
    /// <summary>A link valid one hour to choose a new password.</summary>
    Link,

    /// <summary>A generated password, to be changed at the first sign-in.</summary>
    GeneratedPassword,
}

/// <summary>A customer's shop account: who, since when, when last seen, and whether it may sign in.</summary>
public sealed record CustomerAccount(
    string Id,
    string Email,
    string DisplayName,
    DateTime CreatedUtc,
    DateTime? LastSignInUtc,
    bool Active,
    bool Invited,
    bool MustChangePassword);

/// <summary>One page of a search; <see cref="HasMore"/> when another follows.</summary>
public sealed record CustomerAccountPage(IReadOnlyList<CustomerAccount> Accounts, bool HasMore)
{
    public const int Size = 50;
}
