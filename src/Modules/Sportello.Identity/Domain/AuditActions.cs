namespace Sportello.Identity.Domain;

/// <summary>The account actions Identity writes to the tenant's audit log.</summary>
public static class AuditActions
{
    public const string SignedIn = SignInAudit.SignedIn;
    public const string SignInFailed = SignInAudit.Failed;
    public const string LockedOut = SignInAudit.LockedOut;
    public const string SignedOut = "identity.signed-out";
    public const string SignedUp = "identity.signed-up";
    public const string SignUpRepeated = "identity.sign-up-repeated";
    public const string EmailConfirmed = "identity.email-confirmed";
    public const string EmailChanged = "identity.email-changed";
    public const string PasswordResetRequested = "identity.password-reset-requested";
    public const string PasswordReset = "identity.password-reset";
    public const string PasswordChanged = "identity.password-changed";
    public const string PasswordSetByOperator = "identity.password-set-by-operator";
    public const string TwoFactorEnabled = "identity.two-factor-enabled";
    public const string TwoFactorDisabled = "identity.two-factor-disabled";
    public const string RecoveryCodesGenerated = "identity.recovery-codes-generated";
    public const string RecoveryCodeUsed = "identity.recovery-code-used";
    public const string UserInvited = "identity.user-invited";
    public const string InvitationResent = "identity.invitation-resent";
    public const string UserRolesChanged = "identity.user-roles-changed";
    public const string UserDeleted = "identity.user-deleted";
    public const string UserLocked = "identity.user-locked";
    public const string UserUnlocked = "identity.user-unlocked";
    public const string TwoFactorReset = "identity.two-factor-reset";
    public const string TwoFactorRecoveryRequested = "identity.two-factor-recovery-requested";
    public const string PasskeyAdded = "identity.passkey-added";
    public const string PasskeyRenamed = "identity.passkey-renamed";
    public const string PasskeyRemoved = "identity.passkey-removed";
    public const string RolePermissionsChanged = "identity.role-permissions-changed";
}
