using Sportello.Core.Events;
using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>Why someone's identity is checked; approving a check does what its purpose asks.</summary>
public enum IdentityCheckPurpose
{
    /// <summary>An operator wants to know who they deal with; approval changes nothing else.</summary>
    Verification,

    /// <summary>Lost authenticator and recovery codes: approval turns two-factor sign-in off.</summary>
    DisableTwoFactor,

    /// <summary>A locked account: approval lifts the lock.</summary>
    UnlockAccount,

    /// <summary>An order held until the buyer is known: approval releases it (the module that held it listens).</summary>
    HeldOrder,
}

/// <summary>
/// Identity checks for other modules: a module that holds something until a user proves who they are opens one and
/// listens for <see cref="IdentityCheckDecided"/>.
/// </summary>
[ModuleContract("organizations")]
public interface IIdentityChecks
{
    /// <summary>
    /// Opens a check and e-mails the user its link; an open check of the same user for the same purpose is reused,
    /// so a retried call opens nothing twice. Returns the check's id.
    /// </summary>
    Task<Guid> OpenAsync(string userId, IdentityCheckPurpose purpose, string note, string? subject = null, CancellationToken ct = default);
}

/// <summary>An operator approved or rejected a check; <paramref name="Subject"/> is what the opener named (an order id).</summary>
[DomainEvent("organizations.identity-check-decided")]
public sealed record IdentityCheckDecided(Guid CheckId, string UserId, IdentityCheckPurpose Purpose, bool Approved, string? Subject = null) : IDomainEvent;
