using System.Globalization;
using Sportello.Core.Tenancy;
using Sportello.Core.Text;
using Sportello.Mail;
using Sportello.Organizations.Mail;

namespace Sportello.Organizations.Domain;

/// <summary>The link to a check, built from the tenant's address, and the e-mail that carries it.</summary>
public sealed class IdentityCheckLinks(IMailSender mail, TenantLinks links)
{
    public const string Path = "/area/identity-check";

    public string To(string token) => links.To(Path, [new("token", token)]);

    /// <summary>Throws <see cref="MailDeliveryException"/> when the mail server refuses; the check stays open and the link can be sent again.</summary>
    public Task SendAsync(IdentityCheck check, string token, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        return mail.SendAsync(IdentityCheckMail.Key, check.Email, check.DisplayName, new Dictionary<string, object?>
        {
            ["name"] = check.DisplayName,
            ["purpose"] = PurposeOf(check.Purpose).ToString(),
            ["link"] = To(token),
            ["lost_second_factor"] = check.Purpose == IdentityCheckPurpose.DisableTwoFactor && check.OpenedByRule,
        }, culture, ct);
    }

    /// <summary>What the check is for, as the end of "to ...".</summary>
    public static LocalizedText PurposeOf(IdentityCheckPurpose purpose) => purpose switch
    {
        IdentityCheckPurpose.DisableTwoFactor => new("disattivare la verifica in due passaggi del tuo account", "turn off two-step verification on your account"),
        IdentityCheckPurpose.UnlockAccount => new("sbloccare il tuo account", "unlock your account"),
        IdentityCheckPurpose.HeldOrder => new("completare il tuo ordine", "complete your order"),
        _ => new("proseguire con la tua pratica", "go on with your request"),
    };
}
