using Sportello.Core.Text;
using Sportello.Mail;

namespace Sportello.Organizations.Mail;

/// <summary>The e-mail to a partner: a visitor of the public directory asks for a quote.</summary>
public static class QuoteRequestMail
{
    public const string Key = "organizations.quote-request";

    public static MailTemplateDefault Default { get; } = new(
        Key,
        OrganizationsModule.ModuleId,
        new LocalizedText("Richiesta di preventivo dall'elenco dei partner", "Quote request from the partner directory"),
        new Dictionary<string, MailText>
        {
            ["it"] = new("Richiesta di preventivo da {{ name }}", """
                <p>Buongiorno,</p>
                <p>dall'elenco dei partner di {{ tenant.name }} {{ name }} chiede un preventivo a {{ partner }}:</p>
                <blockquote>{{ message }}</blockquote>
                <p>Per rispondere: {{ email }}{% if phone %}, telefono {{ phone }}{% endif %}. La richiesta resta anche nella console del partner.</p>
                <p style="color:#555;font-size:13px">{{ tenant.name }}</p>
                """),
            ["en"] = new("Quote request from {{ name }}", """
                <p>Hello,</p>
                <p>from the partner directory of {{ tenant.name }}, {{ name }} asks {{ partner }} for a quote:</p>
                <blockquote>{{ message }}</blockquote>
                <p>To answer: {{ email }}{% if phone %}, phone {{ phone }}{% endif %}. The request also stays in the partner console.</p>
                <p style="color:#555;font-size:13px">{{ tenant.name }}</p>
                """),
        },
        new Dictionary<string, object?> { ["partner"] = "Studio Gallo Servizi Digitali S.r.l.", ["name"] = "Chiara Marino", ["email"] = "chiara.marino@example.it", ["phone"] = "+39 333 000 4455", ["message"] = "Vorrei tre caselle PEC per il mio studio." });
}
