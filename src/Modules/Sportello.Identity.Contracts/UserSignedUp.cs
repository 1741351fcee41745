using Sportello.Core.Events;

namespace Sportello.Identity;

/// <summary>Someone created an account for themselves on the tenant's sign-up page (not an invited colleague).</summary>
[DomainEvent("identity.user-signed-up")]
public sealed record UserSignedUp(string UserId, string Email, string DisplayName, string? Culture) : IDomainEvent;
