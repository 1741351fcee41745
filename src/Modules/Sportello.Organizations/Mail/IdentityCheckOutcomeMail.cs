using Sportello.Core.Text;
using Sportello.Mail;

namespace Sportello.Organizations.Mail;

/// <summary>The e-mail that tells a user how their identity check ended; tenants may rewrite it in their mail settings.</summary>
public static class IdentityCheckOutcomeMail
{
    public const string Key = "organizations.identity-check-outcome";

    public static MailTemplateDefault Default { get; } = new(
        Key,
        OrganizationsModule.ModuleId,
        new LocalizedText("Esito della verifica dell'identità", "Identity check outcome"),
        new Dictionary<string, MailText>
        {
            ["it"] = new("{% if approved %}Identità verificata{% else %}Verifica dell'identità non superata{% endif %} su {{ tenant.name }}", """
                <p>Buongiorno {{ name }},</p>
                {% if approved %}
                <p>abbiamo verificato la tua identità: grazie. {{ effect }}</p>
                {% else %}
                <p>non siamo riusciti a verificare la tua identità con i documenti inviati. Il motivo: {{ reason }}</p>
                <p>Se pensi che sia un errore, rispondi a questo messaggio o contatta l'assistenza.</p>
                {% endif %}
                {% if photos %}<p>Le foto che hai inviato sono state cancellate.</p>{% endif %}
                <p style="color:#555;font-size:13px">{{ tenant.name }}{% if tenant.phone %} · {{ tenant.phone }}{% endif %}</p>
                """),
            ["en"] = new("{% if approved %}Identity confirmed{% else %}Identity check not passed{% endif %} at {{ tenant.name }}", """
                <p>Hello {{ name }},</p>
                {% if approved %}
                <p>we confirmed your identity: thank you. {{ effect }}</p>
                {% else %}
                <p>we could not confirm your identity with the documents you sent. The reason: {{ reason }}</p>
                <p>If you think this is a mistake, reply to this message or contact support.</p>
                {% endif %}
                {% if photos %}<p>The photos you sent have been deleted.</p>{% endif %}
                <p style="color:#555;font-size:13px">{{ tenant.name }}{% if tenant.phone %} · {{ tenant.phone }}{% endif %}</p>
                """),
        },
        new Dictionary<string, object?>
        {
            ["name"] = "Marco Esposito",
            ["approved"] = true,
            ["effect"] = "La verifica in due passaggi è disattivata e le passkey rimosse: scegli una nuova password con il collegamento che ti abbiamo mandato, poi attivala di nuovo.",
            ["photos"] = true,
            ["reason"] = "la foto del retro è sfocata.",
        });
}
