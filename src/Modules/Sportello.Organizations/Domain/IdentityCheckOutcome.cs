using Microsoft.EntityFrameworkCore;
using Sportello.Core.Events;
using Sportello.Core.Text;
using Sportello.Mail;
using Sportello.Organizations.Data;
using Sportello.Organizations.Mail;

namespace Sportello.Organizations.Domain;

/// <summary>Tells the user the decision by e-mail, apart from applying it, so a mail server that is down delays only the e-mail.</summary>
internal sealed class IdentityCheckOutcome(OrganizationsDbContext db, IMailSender mail) : IDomainEventHandler<IdentityCheckDecided>
{
    public async Task HandleAsync(IdentityCheckDecided e, EventContext context, CancellationToken ct)
    {
        if (await db.IdentityChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == e.CheckId, ct) is not { } check)
        {
            return;
        }

        await mail.SendAsync(IdentityCheckOutcomeMail.Key, check.Email, check.DisplayName, new Dictionary<string, object?>
        {
            ["name"] = check.DisplayName,
            ["approved"] = e.Approved,
            ["reason"] = check.Reason,
            ["effect"] = EffectOf(check.Purpose).ToString(),
            ["photos"] = check.SubmittedUtc is not null,
        }, ct: ct);
    }

    private static LocalizedText EffectOf(IdentityCheckPurpose purpose) => purpose switch
    {
        IdentityCheckPurpose.DisableTwoFactor => new("La verifica in due passaggi è disattivata e le passkey sono state rimosse. Per sicurezza anche la password: scegline una nuova con il collegamento che ti arriva in un'altra e-mail, poi riattiva la verifica in due passaggi dal tuo account.",
            "Two-step verification is off and your passkeys were removed. For safety so was your password: choose a new one with the link in a separate e-mail, then turn two-step verification on again from your account."),
        IdentityCheckPurpose.UnlockAccount => new("Se l'account era bloccato per troppi tentativi, ora è sbloccato: puoi entrare di nuovo.", "If your account was locked after too many attempts, it is unlocked now: you can sign in again."),
        _ => new("Non serve fare altro.", "There is nothing else to do."),
    };
}
