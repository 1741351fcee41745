using Sportello.Core.Events;

namespace Sportello.Identity;

/// <summary>
/// Someone who passed the password step says they lost both their authenticator and their recovery codes; an
/// identity check decides whether two-factor sign-in is turned off for them.
/// </summary>
[DomainEvent("identity.two-factor-recovery-requested")]
public sealed record TwoFactorRecoveryRequested(string UserId, string Email, string DisplayName) : IDomainEvent;
