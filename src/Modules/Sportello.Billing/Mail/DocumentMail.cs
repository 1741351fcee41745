using Sportello.Core.Text;
using Sportello.Mail;

namespace Sportello.Billing.Mail;

/// <summary>The e-mail that tells an organization's invoice contacts a pro-forma or an invoice is ready; tenants may rewrite it.</summary>
public static class DocumentMail
{
    public const string Key = "billing.document-issued";

    public static MailTemplateDefault Default { get; } = new(
        Key,
        BillingModule.ModuleId,
        new LocalizedText("Pro forma o fattura emessa", "Pro-forma or invoice issued"),
        new Dictionary<string, MailText>
        {
            ["it"] = new("{% if invoice %}Fattura{% else %}Pro forma{% endif %} {{ number }} da {{ tenant.name }}", """
                <p>Buongiorno {{ name }},</p>
                {% if invoice %}
                <p>grazie per il pagamento dell'ordine {{ order }}: la fattura {{ number }} di {{ total }} per {{ organization }} è pronta.</p>
                {% else %}
                <p>abbiamo ricevuto l'ordine {{ order }} di {{ organization }}. La pro forma {{ number }} riporta il totale di {{ total }} e come pagarlo, anche con bonifico.</p>
                {% endif %}
                <p><a href="{{ link }}">Scarica il PDF dall'area clienti</a></p>
                <p style="color:#555;font-size:13px">Ricevi questo messaggio perché sei fra chi riceve le fatture di {{ organization }}: lo scelgono gli amministratori dell'organizzazione, nella scheda di ogni membro.</p>
                """),
            ["en"] = new("{% if invoice %}Invoice{% else %}Pro-forma{% endif %} {{ number }} from {{ tenant.name }}", """
                <p>Hello {{ name }},</p>
                {% if invoice %}
                <p>thank you for paying order {{ order }}: invoice {{ number }} of {{ total }} for {{ organization }} is ready.</p>
                {% else %}
                <p>we received order {{ order }} from {{ organization }}. Pro-forma {{ number }} shows the total of {{ total }} and how to pay it, bank transfer included.</p>
                {% endif %}
                <p><a href="{{ link }}">Download the PDF from the customer area</a></p>
                <p style="color:#555;font-size:13px">You get this message because you are among those who receive the invoices of {{ organization }}: the organization's administrators choose them, on each member's page.</p>
                """),
        },
        new Dictionary<string, object?>
        {
            ["name"] = "Giulia Ferraro",
            ["invoice"] = true,
            ["number"] = "2026-000042",
            ["order"] = "2026-000117",
            ["total"] = "€ 61,00",
            ["organization"] = "Ferraro Impianti S.r.l.",
            ["link"] = "https://example.invalid/area/invoices",
        });
}
