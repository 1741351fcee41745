namespace Sportello.Mail.Domain;

/// <summary>
/// The templates every tenant starts with, in Italian and English. A tenant's edited copy replaces one of these;
/// when that copy is broken, this one is sent instead.
/// </summary>
public static class DefaultTemplates
{
    public const string ConfirmEmail = AccountTemplates.ConfirmEmail;
    public const string ResetPassword = AccountTemplates.ResetPassword;
    public const string ChangeEmail = AccountTemplates.ChangeEmail;
    public const string SetPassword = AccountTemplates.SetPassword;
    public const string AlreadyRegistered = AccountTemplates.AlreadyRegistered;
    public const string OperatorReset = AccountTemplates.OperatorReset;
    public const string OperatorPassword = AccountTemplates.OperatorPassword;

    /// <summary>Sent by the platform to prove a sender address; tenants cannot edit it.</summary>
    public const string VerifySender = "mail.verify-sender";

    /// <summary>What each message is for, as the back office lists them (Italian; the page translates).</summary>
    public static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ConfirmEmail] = "Conferma dell'indirizzo dopo la registrazione",
        [ResetPassword] = "Nuova password richiesta dal cliente",
        [ChangeEmail] = "Conferma di un nuovo indirizzo e-mail",
        [SetPassword] = "Invito a scegliere la password",
        [AlreadyRegistered] = "Registrazione con un indirizzo già iscritto",
        [OperatorReset] = "Nuova password chiesta dal servizio clienti",
        [OperatorPassword] = "Password provvisoria generata dal servizio clienti",
    };

    private const string Footer = """
        <p style="color:#555;font-size:13px">{{ tenant.name }}{% if tenant.phone %} · {{ tenant.phone }}{% endif %}{% if tenant.hours %} · {{ tenant.hours }}{% endif %}</p>
        """;

    private static readonly Dictionary<(string Key, string Language), (string Subject, string Body)> Templates = new()
    {
        [(ConfirmEmail, "it")] = ("Conferma il tuo indirizzo e-mail per {{ tenant.name }}", """
            <p>Ciao {{ user.name }},</p>
            <p>per completare la registrazione a {{ tenant.name }} conferma il tuo indirizzo e-mail:</p>
            <p><a href="{{ link }}">Conferma l'indirizzo</a></p>
            <p>Se non hai chiesto tu la registrazione, ignora questo messaggio.</p>
            """ + Footer),
        [(ConfirmEmail, "en")] = ("Confirm your e-mail address for {{ tenant.name }}", """
            <p>Hello {{ user.name }},</p>
            <p>to finish signing up to {{ tenant.name }}, please confirm your e-mail address:</p>
            <p><a href="{{ link }}">Confirm the address</a></p>
            <p>If you did not sign up, you can ignore this message.</p>
            """ + Footer),
        [(ResetPassword, "it")] = ("Reimposta la password di {{ tenant.name }}", """
            <p>Ciao {{ user.name }},</p>
            <p>abbiamo ricevuto una richiesta per reimpostare la tua password. Il collegamento vale {{ expires_minutes }} minuti e si può usare una sola volta:</p>
            <p><a href="{{ link }}">Scegli una nuova password</a></p>
            <p>Se non sei stato tu, ignora questo messaggio: la tua password resta quella di prima.</p>
            """ + Footer),
        [(ResetPassword, "en")] = ("Reset your {{ tenant.name }} password", """
            <p>Hello {{ user.name }},</p>
            <p>we received a request to reset your password. The link is valid for {{ expires_minutes }} minutes and works once:</p>
            <p><a href="{{ link }}">Choose a new password</a></p>
            <p>If it was not you, ignore this message: your password stays as it was.</p>
            """ + Footer),
        [(ChangeEmail, "it")] = ("Conferma il nuovo indirizzo e-mail", """
            <p>Ciao {{ user.name }},</p>
            <p>per usare questo indirizzo su {{ tenant.name }} confermalo entro {{ expires_minutes }} minuti:</p>
            <p><a href="{{ link }}">Conferma il nuovo indirizzo</a></p>
            """ + Footer),
        [(ChangeEmail, "en")] = ("Confirm your new e-mail address", """
            <p>Hello {{ user.name }},</p>
            <p>to use this address on {{ tenant.name }}, confirm it within {{ expires_minutes }} minutes:</p>
            <p><a href="{{ link }}">Confirm the new address</a></p>
            """ + Footer),
        [(SetPassword, "it")] = ("Il tuo accesso a {{ tenant.name }}", """
            <p>Ciao {{ user.name }},</p>
            <p>è stato creato un accesso per te su {{ tenant.name }}. Scegli la tua password entro {{ expires_minutes }} minuti:</p>
            <p><a href="{{ link }}">Scegli la password</a></p>
            """ + Footer),
        [(SetPassword, "en")] = ("Your access to {{ tenant.name }}", """
            <p>Hello {{ user.name }},</p>
            <p>an account was created for you on {{ tenant.name }}. Choose your password within {{ expires_minutes }} minutes:</p>
            <p><a href="{{ link }}">Choose your password</a></p>
            """ + Footer),
        [(VerifySender, "it")] = ("Conferma l'indirizzo mittente di {{ tenant.name }}", """
            <p>Buongiorno,</p>
            <p>nel back office di {{ tenant.name }} questo indirizzo è stato scelto come mittente delle e-mail ai clienti. Per confermare che appartiene allo sportello apri il collegamento qui sotto entro due giorni e premi «Conferma»:</p>
            <p><a href="{{ link }}">Conferma l'indirizzo mittente</a></p>
            <p>Se non sai di cosa si tratta, ignora questo messaggio: nessuna e-mail partirà a nome di questo indirizzo.</p>
            """),
        [(VerifySender, "en")] = ("Confirm the sender address of {{ tenant.name }}", """
            <p>Hello,</p>
            <p>in the back office of {{ tenant.name }} this address was chosen as the sender of e-mails to customers. To confirm that it belongs to the service, open the link below within two days and press "Confirm":</p>
            <p><a href="{{ link }}">Confirm the sender address</a></p>
            <p>If you do not know what this is about, ignore this message: no e-mail will be sent in the name of this address.</p>
            """),
        [(AlreadyRegistered, "it")] = ("Hai già un accesso a {{ tenant.name }}", """
            <p>Ciao {{ user.name }},</p>
            <p>qualcuno, forse tu, ha provato a registrarsi a {{ tenant.name }} con questo indirizzo. L'indirizzo ha già un accesso, quindi non abbiamo creato nulla di nuovo.</p>
            <p><a href="{{ link }}">Accedi a {{ tenant.name }}</a></p>
            <p>Se non ricordi la password, dalla pagina di accesso scegli «Hai dimenticato la password?». Se non sei stato tu, puoi ignorare questo messaggio.</p>
            """ + Footer),
        [(AlreadyRegistered, "en")] = ("You already have an account at {{ tenant.name }}", """
            <p>Hello {{ user.name }},</p>
            <p>someone, perhaps you, tried to sign up to {{ tenant.name }} with this address. The address already has an account, so nothing new was created.</p>
            <p><a href="{{ link }}">Sign in to {{ tenant.name }}</a></p>
            <p>If you do not remember your password, choose "Forgot your password?" on the sign-in page. If it was not you, you can ignore this message.</p>
            """ + Footer),
        [(OperatorReset, "it")] = ("Scegli una nuova password per {{ tenant.name }}", """
            <p>Ciao {{ user.name }},</p>
            <p>come concordato con il nostro servizio clienti, puoi scegliere una nuova password per il tuo accesso a {{ tenant.name }}. Il collegamento vale {{ expires_minutes }} minuti e si può usare una sola volta:</p>
            <p><a href="{{ link }}">Scegli una nuova password</a></p>
            <p>Finché non la cambi, la password attuale continua a funzionare. Se non hai contattato il servizio clienti, rispondi a questo messaggio.</p>
            """ + Footer),
        [(OperatorReset, "en")] = ("Choose a new password for {{ tenant.name }}", """
            <p>Hello {{ user.name }},</p>
            <p>as agreed with our customer service, you can choose a new password for your {{ tenant.name }} account. The link is valid for {{ expires_minutes }} minutes and works once:</p>
            <p><a href="{{ link }}">Choose a new password</a></p>
            <p>Until you change it, your current password keeps working. If you did not contact customer service, reply to this message.</p>
            """ + Footer),
        [(OperatorPassword, "it")] = ("La tua password provvisoria per {{ tenant.name }}", """
            <p>Ciao {{ user.name }},</p>
            <p>il nostro servizio clienti ha impostato una password provvisoria per il tuo accesso a {{ tenant.name }}:</p>
            <p style="font-family:monospace;font-size:18px">{{ password }}</p>
            <p>Al primo accesso ti chiederemo di sceglierne una tua. Le sessioni aperte in precedenza sono state chiuse.</p>
            <p><a href="{{ link }}">Accedi a {{ tenant.name }}</a></p>
            """ + Footer),
        [(OperatorPassword, "en")] = ("Your temporary password for {{ tenant.name }}", """
            <p>Hello {{ user.name }},</p>
            <p>our customer service set a temporary password for your {{ tenant.name }} account:</p>
            <p style="font-family:monospace;font-size:18px">{{ password }}</p>
            <p>At your first sign-in you will be asked to choose your own. Sessions opened before have been closed.</p>
            <p><a href="{{ link }}">Sign in to {{ tenant.name }}</a></p>
            """ + Footer),
    };

    /// <summary>The templates a tenant may edit: every one but the platform's own.</summary>
    public static IEnumerable<string> Keys => Titles.Keys;

    public static IEnumerable<string> Languages => ["it", "en"];

    /// <summary>The default for a key and language; Italian when the language has none.</summary>
    public static (string Subject, string Body) Get(string key, string language) =>
        Templates.TryGetValue((key, language), out var template) ? template
        : Templates.TryGetValue((key, "it"), out var italian) ? italian
        : throw new ArgumentException($"No mail template '{key}'.", nameof(key));
}
