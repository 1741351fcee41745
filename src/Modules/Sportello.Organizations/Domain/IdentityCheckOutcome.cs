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
        }, ct: ct);
    }

    private static LocalizedText EffectOf(IdentityCheckPurpose purpose) => purpose switch
    {
        IdentityCheckPurpose.DisableTwoFactor => new("La verifica in due passaggi è disattivata: entra con la tua password e attivala di nuovo dal tuo account.",
            "Two-step verification is off: sign in with your password and turn it on again from your account."),
        IdentityCheckPurpose.UnlockAccount => new("Il tuo account è sbloccato: puoi entrare di nuovo.", "Your account is unlocked: you can sign in again."),
        _ => new("Non serve fare altro.", "There is nothing else to do."),
    };
}
