using Sportello.Core.Events;

namespace Sportello.Identity.Domain;

/// <summary>Someone asked for a password-reset link for this (confirmed) account.</summary>
[DomainEvent("identity.password-reset-requested")]
public sealed record PasswordResetRequested(string UserId) : IBackgroundEvent;

/// <summary>A new account was signed up and its address must be confirmed.</summary>
[DomainEvent("identity.confirmation-requested")]
public sealed record ConfirmationRequested(string UserId) : IBackgroundEvent;

/// <summary>Someone tried to sign up with the address of an existing account: its owner is told, nobody else is.</summary>
[DomainEvent("identity.sign-up-repeated")]
public sealed record SignUpRepeated(string UserId) : IBackgroundEvent;
