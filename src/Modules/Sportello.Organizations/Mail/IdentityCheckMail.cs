using Sportello.Core.Text;
using Sportello.Mail;

namespace Sportello.Organizations.Mail;

/// <summary>The e-mail with an identity check's link; tenants may rewrite it in their mail settings.</summary>
public static class IdentityCheckMail
{
    public const string Key = "organizations.identity-check";

    private const string Footer = """
        <p style="color:#555;font-size:13px">{{ tenant.name }}{% if tenant.phone %} · {{ tenant.phone }}{% endif %}</p>
        """;

    public static MailTemplateDefault Default { get; } = new(
        Key,
        OrganizationsModule.ModuleId,
        new LocalizedText("Verifica dell'identità", "Identity check"),
        new Dictionary<string, MailText>
        {
            ["it"] = new("Verifica la tua identità su {{ tenant.name }}", """
                <p>Buongiorno {{ name }},</p>
                <p>per {{ purpose }} ci serve una conferma che sei proprio tu. Ti chiediamo tre cose, che richiedono pochi minuti:</p>
                <ol>
                  <li>confermare il tuo numero di cellulare con un codice che ti mandiamo per SMS;</li>
                  <li>fotografare il fronte e il retro di un documento d'identità valido;</li>
                  <li>scattare una foto di te mentre tieni in mano il documento.</li>
                </ol>
                <p><a href="{{ link }}">Inizia la verifica</a></p>
                {% if lost_second_factor %}<p><strong>Questa verifica è stata chiesta dalla pagina di accesso, da qualcuno che ha scritto la password corretta del tuo account.</strong> Se non sei stato tu, non proseguire: cambia subito la password e avvisa l'assistenza.</p>{% endif %}
                <p>Le foto sono viste solo dagli operatori di {{ tenant.name }}: vengono cancellate quando la verifica è decisa, e comunque 72 ore dopo l'invio se nessuno le ha esaminate.</p>
                <p>Se non hai chiesto nulla, ignora questo messaggio e avvisa l'assistenza.</p>
                """ + Footer),
            ["en"] = new("Confirm your identity at {{ tenant.name }}", """
                <p>Hello {{ name }},</p>
                <p>to {{ purpose }} we need to confirm it is really you. It takes three short steps:</p>
                <ol>
                  <li>confirm your mobile number with a code we text you;</li>
                  <li>take a photo of the front and the back of a valid identity document;</li>
                  <li>take a photo of yourself holding the document.</li>
                </ol>
                <p><a href="{{ link }}">Start the check</a></p>
                {% if lost_second_factor %}<p><strong>This check was asked from the sign-in page by someone who typed your account's correct password.</strong> If it was not you, do not go on: change your password at once and tell support.</p>{% endif %}
                <p>Only the operators of {{ tenant.name }} see the photos: they are deleted when the check is decided, and in any case 72 hours after you send them if nobody has reviewed them.</p>
                <p>If you did not ask for anything, ignore this message and tell support.</p>
                """ + Footer),
        },
        new Dictionary<string, object?>
        {
            ["name"] = "Marco Esposito",
            ["purpose"] = "disattivare la verifica in due passaggi",
            ["lost_second_factor"] = true,
            ["link"] = "https://fiducia-demo.example/area/identity-check?token=esempio",
        });
}
