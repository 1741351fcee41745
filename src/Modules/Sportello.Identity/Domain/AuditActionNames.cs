using Sportello.Core.Audit;

namespace Sportello.Identity.Domain;

/// <summary>The account actions in words, as the audit log's pages and exports show them.</summary>
public static class AuditActionNames
{
    public static IReadOnlyList<AuditAction> All { get; } =
    [
        new(AuditActions.SignedIn, new("Accesso", "Sign-in")),
        new(AuditActions.SignInFailed, new("Accesso non riuscito", "Failed sign-in")),
        new(AuditActions.LockedOut, new("Accesso sospeso dopo troppi tentativi", "Sign-in paused after too many attempts")),
        new(AuditActions.SignedOut, new("Uscita", "Sign-out")),
        new(AuditActions.SignedUp, new("Registrazione", "Sign-up")),
        new(AuditActions.SignUpRepeated, new("Nuova registrazione con lo stesso indirizzo", "New sign-up with the same address")),
        new(AuditActions.EmailConfirmed, new("Indirizzo confermato", "Address confirmed")),
        new(AuditActions.EmailChanged, new("Indirizzo cambiato", "Address changed")),
        new(AuditActions.PasswordResetRequested, new("Richiesta di nuova password", "New password requested")),
        new(AuditActions.PasswordReset, new("Password reimpostata", "Password reset")),
        new(AuditActions.PasswordChanged, new("Password cambiata", "Password changed")),
        new(AuditActions.PasswordSetByOperator, new("Password impostata da un operatore", "Password set by an operator")),
        new(AuditActions.TwoFactorEnabled, new("Verifica in due passaggi attivata", "Two-step verification turned on")),
        new(AuditActions.TwoFactorDisabled, new("Verifica in due passaggi disattivata", "Two-step verification turned off")),
        new(AuditActions.RecoveryCodesGenerated, new("Nuovi codici di recupero", "New recovery codes")),
        new(AuditActions.RecoveryCodeUsed, new("Accesso con un codice di recupero", "Sign-in with a recovery code")),
        new(AuditActions.UserInvited, new("Invito", "Invitation")),
        new(AuditActions.InvitationResent, new("Invito inviato di nuovo", "Invitation sent again")),
        new(AuditActions.UserRolesChanged, new("Ruoli cambiati", "Roles changed")),
        new(AuditActions.UserLocked, new("Bloccato", "Locked")),
        new(AuditActions.UserUnlocked, new("Sbloccato", "Unlocked")),
        new(AuditActions.UserDeleted, new("Eliminato", "Deleted")),
        new(AuditActions.TwoFactorReset, new("Verifica in due passaggi azzerata", "Two-step verification reset")),
        new(AuditActions.PasskeyAdded, new("Passkey aggiunta", "Passkey added")),
        new(AuditActions.PasskeyRenamed, new("Passkey rinominata", "Passkey renamed")),
        new(AuditActions.PasskeyRemoved, new("Passkey rimossa", "Passkey removed")),
        new(AuditActions.TwoFactorRecoveryRequested, new("Chiesta la verifica dell'identità per l'accesso perso", "Identity check asked for a lost second factor")),
        new(AuditActions.RolePermissionsChanged, new("Permessi del ruolo cambiati", "Role permissions changed")),
    ];
}
