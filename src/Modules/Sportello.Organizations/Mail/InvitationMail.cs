using Sportello.Core.Text;
using Sportello.Mail;

namespace Sportello.Organizations.Mail;

/// <summary>The e-mail that carries an invitation to join an organization; tenants may rewrite it in their mail settings.</summary>
public static class InvitationMail
{
    public const string Key = "organizations.invitation";

    private const string Footer = """
        <p style="color:#555;font-size:13px">{{ tenant.name }}{% if tenant.phone %} · {{ tenant.phone }}{% endif %}</p>
        """;

    public static MailTemplateDefault Default { get; } = new(
        Key,
        OrganizationsModule.ModuleId,
        new LocalizedText("Invito a far parte di un'organizzazione", "Invitation to join an organization"),
        new Dictionary<string, MailText>
        {
            ["it"] = new("{{ inviter }} ti invita in {{ organization }} su {{ tenant.name }}", """
                <p>Buongiorno,</p>
                <p>{{ inviter }} ti ha invitato a far parte di <strong>{{ organization }}</strong> su {{ tenant.name }}, con il ruolo di {{ role }}.</p>
                <p>Se hai già un accesso a {{ tenant.name }} con questo indirizzo, entra e accetta; altrimenti puoi registrarti dallo stesso collegamento. L'invito vale fino al {{ expires }}.</p>
                <p><a href="{{ link }}">Apri l'invito</a></p>
                <p>Se non conosci {{ inviter }} o non ti aspettavi questo messaggio, ignoralo: senza la tua conferma non succede nulla.</p>
                """ + Footer),
            ["en"] = new("{{ inviter }} invites you to {{ organization }} on {{ tenant.name }}", """
                <p>Hello,</p>
                <p>{{ inviter }} invited you to join <strong>{{ organization }}</strong> on {{ tenant.name }}, as {{ role }}.</p>
                <p>If you already have an account at {{ tenant.name }} with this address, sign in and accept; otherwise you can sign up from the same link. The invitation is valid until {{ expires }}.</p>
                <p><a href="{{ link }}">Open the invitation</a></p>
                <p>If you do not know {{ inviter }} or did not expect this message, ignore it: nothing happens without your confirmation.</p>
                """ + Footer),
        },
        new Dictionary<string, object?>
        {
            ["inviter"] = "Marco Esposito",
            ["organization"] = "Esposito Consulenze S.r.l.",
            ["role"] = "collaboratore",
            ["expires"] = "8 dicembre 2026",
        });
}
