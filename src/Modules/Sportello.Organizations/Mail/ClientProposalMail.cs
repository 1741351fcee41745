using Sportello.Core.Text;
using Sportello.Mail;

namespace Sportello.Organizations.Mail;

/// <summary>The e-mail to a client's legal representative: a partner proposes to manage the organization's services.</summary>
public static class ClientProposalMail
{
    public const string Key = "organizations.client-proposal";

    public static MailTemplateDefault Default { get; } = new(
        Key,
        OrganizationsModule.ModuleId,
        new LocalizedText("Proposta di gestione da parte di un partner", "A partner proposes to manage an organization"),
        new Dictionary<string, MailText>
        {
            ["it"] = new("{{ partner }} propone di gestire i servizi di {{ organization }}", """
                <p>Buongiorno,</p>
                <p>{{ partner }}, partner di {{ tenant.name }}, ha preparato i dati di <strong>{{ organization }}</strong> e propone di gestirne i servizi. Tu sei indicato come legale rappresentante.</p>
                <p>Aprendo il collegamento controlli i dati, scegli cosa il partner può gestire (tutto, oppure solo alcune aree) e confermi. Potrai cambiare l'accesso o toglierlo quando vuoi. La proposta vale fino al {{ expires }}.</p>
                <p><a href="{{ link }}">Controlla e conferma</a></p>
                <p>Se non conosci {{ partner }}, ignora questo messaggio: senza la tua conferma non viene creato nulla.</p>
                <p style="color:#555;font-size:13px">{{ tenant.name }}</p>
                """),
            ["en"] = new("{{ partner }} proposes to manage the services of {{ organization }}", """
                <p>Hello,</p>
                <p>{{ partner }}, a partner of {{ tenant.name }}, prepared the data of <strong>{{ organization }}</strong> and proposes to manage its services. You are named as its legal representative.</p>
                <p>The link lets you check the data, choose what the partner may manage (everything, or only some areas) and confirm. You can change or withdraw the access at any time. The proposal is valid until {{ expires }}.</p>
                <p><a href="{{ link }}">Check and confirm</a></p>
                <p>If you do not know {{ partner }}, ignore this message: nothing is created without your confirmation.</p>
                <p style="color:#555;font-size:13px">{{ tenant.name }}</p>
                """),
        },
        new Dictionary<string, object?> { ["partner"] = "Studio Gallo Servizi Digitali S.r.l.", ["organization"] = "Esposito Consulenze S.r.l.", ["expires"] = "8 dicembre 2026" });
}
