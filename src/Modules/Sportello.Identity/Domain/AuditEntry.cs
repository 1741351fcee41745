namespace Sportello.Identity.Domain;

/// <summary>Who did what to which account, when and from where; kept in the tenant's store.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public required string Action { get; set; }

    /// <summary>The account the action concerns.</summary>
    public string? SubjectUserId { get; set; }
    public string? SubjectEmail { get; set; }

    /// <summary>The signed-in user who acted, when not the subject (an administrator).</summary>
    public string? ActorUserId { get; set; }
    public string? IpAddress { get; set; }
    public string? Detail { get; set; }
}

public static class AuditActions
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";
    public const string SignedUp = "signed-up";
    public const string SignUpRepeated = "sign-up-repeated";
    public const string EmailConfirmed = "email-confirmed";
    public const string EmailChanged = "email-changed";
    public const string PasswordResetRequested = "password-reset-requested";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string RecoveryCodesGenerated = "recovery-codes-generated";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string UserInvited = "user-invited";
    public const string InvitationResent = "invitation-resent";
    public const string UserRolesChanged = "user-roles-changed";
    public const string UserDeleted = "user-deleted";
    public const string UserLocked = "user-locked";
    public const string UserUnlocked = "user-unlocked";
    public const string TwoFactorReset = "two-factor-reset";
    public const string RolePermissionsChanged = "role-permissions-changed";
}
