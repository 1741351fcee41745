namespace Sportello.Identity.Domain;

/// <summary>The audit's action keys in words, for the pages that show the history.</summary>
public static class AuditActionNames
{
    public static string Display(string action) => action switch
    {
        AuditActions.SignedIn => "Accesso",
        AuditActions.SignInFailed => "Accesso non riuscito",
        AuditActions.LockedOut => "Accesso sospeso dopo troppi tentativi",
        AuditActions.SignedOut => "Uscita",
        AuditActions.SignedUp => "Registrazione",
        AuditActions.SignUpRepeated => "Nuova registrazione con lo stesso indirizzo",
        AuditActions.EmailConfirmed => "Indirizzo confermato",
        AuditActions.EmailChanged => "Indirizzo cambiato",
        AuditActions.PasswordResetRequested => "Richiesta di nuova password",
        AuditActions.PasswordReset => "Password reimpostata",
        AuditActions.PasswordChanged => "Password cambiata",
        AuditActions.TwoFactorEnabled => "Verifica in due passaggi attivata",
        AuditActions.TwoFactorDisabled => "Verifica in due passaggi disattivata",
        AuditActions.RecoveryCodesGenerated => "Nuovi codici di recupero",
        AuditActions.RecoveryCodeUsed => "Accesso con un codice di recupero",
        AuditActions.UserInvited => "Invito",
        AuditActions.InvitationResent => "Invito inviato di nuovo",
        AuditActions.UserRolesChanged => "Ruoli cambiati",
        AuditActions.UserLocked => "Bloccato",
        AuditActions.UserUnlocked => "Sbloccato",
        AuditActions.UserDeleted => "Eliminato",
        AuditActions.TwoFactorReset => "Verifica in due passaggi azzerata",
        AuditActions.RolePermissionsChanged => "Permessi del ruolo cambiati",
        _ => action,
    };
}
