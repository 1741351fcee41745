using Sportello.Core.Events;
using Sportello.Core.Text;
using Sportello.Identity;

namespace Sportello.Organizations.Domain;

/// <summary>
/// The rules around identity checks: a lost second factor opens one; an approved check does what it was for.
/// Delivered again after a crash, each finds its work done (the open check is reused, two-factor already off).
/// </summary>
internal sealed class IdentityCheckRules(IdentityChecks checks, IAccountRecovery recovery)
    : IDomainEventHandler<TwoFactorRecoveryRequested>, IDomainEventHandler<IdentityCheckDecided>
{
    public async Task HandleAsync(TwoFactorRecoveryRequested e, EventContext context, CancellationToken ct)
    {
        if (!await recovery.CanRecoverAsync(e.UserId, ct))
        {
            return; // staff: an administrator restores their access
        }

        await checks.OpenAsync(e.UserId, IdentityCheckPurpose.DisableTwoFactor,
            new LocalizedText("Chiesta dall'utente al secondo passaggio dell'accesso: ha perso l'app e i codici di recupero.",
                "Asked by the user at the second sign-in step: they lost the app and the recovery codes.").ToString(), ct: ct);
    }

    public async Task HandleAsync(IdentityCheckDecided e, EventContext context, CancellationToken ct)
    {
        if (!e.Approved)
        {
            return;
        }

        var reason = $"identity check {e.CheckId}";
        _ = e.Purpose switch
        {
            IdentityCheckPurpose.DisableTwoFactor => await recovery.DisableTwoFactorAsync(e.UserId, reason, ct),
            IdentityCheckPurpose.UnlockAccount => await recovery.UnlockAsync(e.UserId, reason, ct),
            _ => true, // a held order is released by the module that held it, listening to the same event
        };
    }
}
