using System.Globalization;
using System.Text;
using Sportello.KnowledgeBase.Recipes;

namespace Sportello.Bench.KnowledgeBase;

/// <summary>A generated guide, before it gets a category id and dates.</summary>
internal sealed record GeneratedArticle(string Slug, string Title, string Summary, string Body, string Category, IReadOnlyList<string> Tags, IReadOnlyList<string> Related);

/// <summary>
/// Deterministic Italian help guides about digital trust services: titles such as "Rinnovare la casella PEC da
/// smartphone", a summary, and a Markdown body of a few hundred words with sections, numbered steps, bullet lists
/// and the occasional note box, spread over ten categories. The same seed always gives the same guides.
/// </summary>
internal static class ArticleGenerator
{
    private sealed record Topic(string Slug, string Title, string Description, string? Parent, string[] Subjects, string[] Places, string[] Tags);

    private static readonly Topic[] Topics =
    [
        new("primi-passi", "Primi passi", "Come iniziare a usare lo sportello: registrazione, area riservata e primo ordine.", null,
            ["l'area riservata", "il primo ordine", "il profilo del cliente", "la registrazione", "il catalogo dei servizi", "le notifiche via e-mail"],
            ["Area riservata", "Catalogo", "Profilo", "Notifiche"], ["registrazione", "account", "ordine", "notifiche"]),
        new("spid", "Identità digitale SPID", "Richiedi, rinnova e gestisci la tua identità digitale SPID e le sue credenziali.", null,
            ["l'identità SPID", "le credenziali SPID", "il riconoscimento via webcam", "l'app di autenticazione", "il codice OTP", "il livello 2 di sicurezza", "il documento d'identità"],
            ["Identità digitali", "Riconoscimento", "Credenziali", "Sicurezza"], ["spid", "identità", "credenziali", "riconoscimento", "otp"]),
        new("pec", "Posta elettronica certificata", "Attiva e rinnova le caselle PEC, gestisci lo spazio e le ricevute di consegna.", null,
            ["la casella PEC", "l'indirizzo PEC", "la ricevuta di consegna", "lo spazio di archiviazione", "il dominio personalizzato", "il messaggio certificato", "l'inoltro automatico"],
            ["Caselle PEC", "Domini", "Archivio", "Impostazioni della casella"], ["pec", "casella", "ricevuta", "rinnovo", "archiviazione"]),
        new("sms", "SMS e mittenti", "Registra i mittenti, invia campagne SMS e controlla i rapporti di consegna.", null,
            ["il mittente SMS", "la campagna SMS", "la rubrica dei contatti", "l'alias del mittente", "il credito SMS", "il rapporto di consegna", "l'invio programmato"],
            ["SMS", "Mittenti", "Rubrica", "Campagne"], ["sms", "mittente", "campagna", "rubrica", "consegna"]),
        new("firma-digitale", "Firma digitale", "Firma i documenti con la firma digitale remota e verifica le firme ricevute.", null,
            ["la firma digitale remota", "il certificato di firma", "il documento firmato", "la marca temporale", "il dispositivo di firma", "la verifica della firma"],
            ["Firme", "Certificati", "Documenti"], ["firma", "certificato", "documento", "marca-temporale"]),
        new("ordini-pagamenti", "Ordini e pagamenti", "Segui i tuoi ordini, paga quelli in sospeso e gestisci i rinnovi e i metodi di pagamento.", null,
            ["l'ordine in sospeso", "il pagamento con carta", "il rinnovo automatico", "il bonifico bancario", "il metodo di pagamento predefinito", "il preventivo"],
            ["Ordini", "Pagamenti", "Rinnovi", "Metodi di pagamento"], ["pagamento", "ordine", "rinnovo", "carta", "bonifico"]),
        new("fatture-credito", "Fatture e credito", "Scarica le fatture, aggiorna i dati di fatturazione e usa il credito prepagato.", "ordini-pagamenti",
            ["la fattura elettronica", "i dati di fatturazione", "il credito prepagato", "la nota di credito", "il codice destinatario", "la ricarica del credito"],
            ["Fatture", "Credito", "Dati di fatturazione"], ["fattura", "credito", "fatturazione", "ricarica"]),
        new("organizzazioni", "Organizzazioni", "Gestisci le aziende e gli enti per cui acquisti servizi: membri, diritti e rappresentante legale.", null,
            ["l'organizzazione", "il rappresentante legale", "i membri dell'organizzazione", "i diritti degli utenti", "la partita IVA", "la delega"],
            ["Organizzazioni", "Membri", "Diritti"], ["organizzazione", "membri", "delega", "azienda"]),
        new("account-sicurezza", "Account e sicurezza", "Proteggi il tuo account: password, autenticazione a due fattori e codici di recupero.", null,
            ["la password", "l'autenticazione a due fattori", "i codici di recupero", "il telefono di sicurezza", "l'indirizzo e-mail dell'account", "le sessioni attive"],
            ["Sicurezza", "Profilo", "Accessi"], ["password", "sicurezza", "accesso", "credenziali"]),
        new("assistenza", "Assistenza", "Come chiedere aiuto e consentire all'assistenza, in modo temporaneo, di vedere il tuo account.", null,
            ["la richiesta di assistenza", "l'accesso temporaneo dell'assistenza", "il numero della pratica", "la chat con un operatore", "la segnalazione di un problema"],
            ["Assistenza", "Richieste", "Pratiche"], ["assistenza", "supporto", "richiesta"]),
    ];

    private static readonly (string Infinitive, string Noun)[] Actions =
    [
        ("Attivare", "attivazione"), ("Rinnovare", "rinnovo"), ("Configurare", "configurazione"), ("Disattivare", "disattivazione"),
        ("Modificare", "modifica"), ("Recuperare", "recupero"), ("Verificare", "verifica"), ("Trasferire", "trasferimento"),
        ("Pagare", "pagamento"), ("Scaricare", "download"), ("Richiedere", "richiesta"), ("Annullare", "annullamento"),
        ("Sospendere", "sospensione"), ("Collegare", "collegamento"), ("Gestire", "gestione"), ("Importare", "importazione"),
        ("Esportare", "esportazione"), ("Controllare", "controllo"), ("Aggiornare", "aggiornamento"), ("Eliminare", "eliminazione"),
    ];

    private static readonly string[] Qualifiers =
    [
        "", "", "", "per un'organizzazione", "da smartphone", "in scadenza", "con il credito prepagato", "per più utenti",
        "dall'area riservata", "in caso di errore", "senza perdere i dati", "per un cliente", "prima della scadenza", "in blocco",
    ];

    private static readonly string[] Times =
    [
        "entro pochi minuti", "entro 24 ore", "trenta giorni prima della scadenza", "entro il giorno lavorativo successivo",
        "subito dopo il pagamento", "una settimana prima della scadenza", "al termine della verifica",
    ];

    private static readonly string[] Payments = ["la carta di credito", "il credito prepagato", "un bonifico bancario", "la carta predefinita", "PayPal"];

    private static readonly string[] Buttons = ["Conferma", "Salva", "Continua", "Rinnova ora", "Paga ora", "Invia richiesta", "Scarica", "Attiva"];

    private static readonly string[] Data =
    [
        "il codice fiscale", "la partita IVA", "l'indirizzo e-mail", "il numero di telefono", "i dati di fatturazione",
        "il documento d'identità", "la data di scadenza", "il codice destinatario",
    ];

    private static readonly string[] Roles = ["amministratori", "referenti tecnici", "responsabili degli acquisti", "rappresentanti legali"];

    private static readonly string[] Sentences =
    [
        "Puoi {verb} {subject} direttamente dall'area riservata, senza contattare l'assistenza.",
        "Se {subject} è in scadenza, ricevi un promemoria {time} all'indirizzo e-mail del tuo account.",
        "Per completare l'operazione ti servono {data} e {data2}.",
        "Ricorda che {subject} resta attivo fino alla scadenza indicata nella scheda del servizio.",
        "Nelle organizzazioni solo gli {role} possono {verb} {subject}.",
        "Il costo dipende dalla durata scelta ed è indicato nel riepilogo dell'ordine prima del pagamento.",
        "Al termine trovi la fattura nella sezione **Fatture**, pronta da scaricare in PDF.",
        "In caso di errore verifica {data} e riprova; se il problema persiste apri una richiesta di assistenza.",
        "La {noun} di {subject} viene registrata nello storico e la puoi consultare in qualsiasi momento.",
        "Puoi pagare con {payment}: l'ordine viene evaso {time}.",
        "Le credenziali non vengono mai richieste dall'assistenza per telefono o per e-mail.",
        "Se gestisci molti servizi, filtra l'elenco in **{place}** per stato o per scadenza.",
        "Una notifica ti avvisa quando {subject} cambia stato, per esempio dopo il rinnovo o il pagamento.",
        "La {noun} non interrompe il servizio: {subject} continua a funzionare durante l'operazione.",
        "Con il rinnovo automatico lo sportello crea l'ordine {time} e lo paga con {payment}.",
        "Controlla che {data} corrisponda a quanto riportato sul documento, altrimenti la verifica non va a buon fine.",
    ];

    private static readonly string[] Headings =
    [
        "Prima di iniziare", "Come fare", "{Noun} passo passo", "Se qualcosa non funziona", "Costi e tempi", "Per le organizzazioni",
        "Domande frequenti", "Cosa succede dopo", "Requisiti", "Da smartphone",
    ];

    private static readonly string[] Steps =
    [
        "Apri **{place}** e seleziona {subject}.",
        "Premi **{button}**.",
        "Controlla {data} e conferma.",
        "Scegli la durata e premi **Continua**.",
        "Paga l'ordine con {payment}.",
        "Attendi l'e-mail di conferma, che arriva {time}.",
        "Inserisci il codice OTP ricevuto via SMS.",
        "Accedi all'area riservata con le tue credenziali.",
        "Indica {data2} e premi **Salva**.",
    ];

    /// <summary>The categories, as the knowledge-base recipe step takes them inline.</summary>
    public static IReadOnlyList<InlineCategory> Categories =>
        Topics.Select((t, i) => new InlineCategory { Slug = t.Slug, Title = t.Title, Description = t.Description, Parent = t.Parent, Order = i + 1 }).ToList();

    public static IEnumerable<GeneratedArticle> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var slugsByTopic = Topics.ToDictionary(t => t.Slug, _ => new List<string>());
        for (var i = 0; i < count; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var (verb, noun) = Actions[random.Next(Actions.Length)];
            var subject = Pick(random, topic.Subjects);
            var qualifier = Pick(random, Qualifiers);
            var title = Capitalize($"{verb} {subject}{(qualifier.Length > 0 ? " " + qualifier : string.Empty)}");
            var slug = $"{Slugify(title)}-{i + 1}";
            var fill = new Filler(random, topic, verb.ToLowerInvariant(), noun, subject);

            var summary = $"Come {verb.ToLowerInvariant()} {subject}{(qualifier.Length > 0 ? " " + qualifier : string.Empty)}: {Uncapitalize(fill.Sentence())}";
            var body = new StringBuilder();
            body.AppendLine(Paragraph(fill, random, 2, 3)).AppendLine();
            var sections = random.Next(3, 6);
            foreach (var heading in Headings.OrderBy(_ => random.Next()).Take(sections))
            {
                body.Append("## ").AppendLine(Capitalize(heading.Replace("{Noun}", noun, StringComparison.Ordinal))).AppendLine();
                body.AppendLine(Paragraph(fill, random, 2, 4)).AppendLine();
                switch (random.Next(4))
                {
                    case 0 or 1:
                        foreach (var (step, n) in Steps.OrderBy(_ => random.Next()).Take(random.Next(3, 6)).Select((s, n) => (s, n)))
                        {
                            body.Append(CultureInfo.InvariantCulture, $"{n + 1}. ").AppendLine(fill.Fill(step));
                        }

                        body.AppendLine();
                        break;
                    case 2:
                        foreach (var sentence in Enumerable.Range(0, random.Next(3, 5)).Select(_ => fill.Sentence()))
                        {
                            body.Append("- ").AppendLine(sentence);
                        }

                        body.AppendLine();
                        break;
                    default:
                        body.AppendLine("::: nota").AppendLine(fill.Sentence()).AppendLine(":::").AppendLine();
                        break;
                }
            }

            body.AppendLine(Paragraph(fill, random, 1, 2));
            var tags = topic.Tags.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Append(noun).Distinct().ToList();
            var siblings = slugsByTopic[topic.Slug];
            var related = siblings.Count == 0 ? [] : Enumerable.Range(0, Math.Min(3, siblings.Count)).Select(_ => siblings[random.Next(siblings.Count)]).Distinct().ToList();
            siblings.Add(slug);
            yield return new GeneratedArticle(slug, title, Truncate(summary, 500), body.ToString(), topic.Slug, tags, related);
        }
    }

    private static string Paragraph(Filler fill, Random random, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => fill.Sentence()));

    private sealed class Filler(Random random, Topic topic, string verb, string noun, string subject)
    {
        public string Sentence() => Fill(Pick(random, Sentences));

        public string Fill(string template) => template
            .Replace("{verb}", verb, StringComparison.Ordinal)
            .Replace("{noun}", noun, StringComparison.Ordinal)
            .Replace("{subject}", random.Next(3) == 0 ? Pick(random, topic.Subjects) : subject, StringComparison.Ordinal)
            .Replace("{time}", Pick(random, Times), StringComparison.Ordinal)
            .Replace("{data2}", Pick(random, Data), StringComparison.Ordinal)
            .Replace("{data}", Pick(random, Data), StringComparison.Ordinal)
            .Replace("{role}", Pick(random, Roles), StringComparison.Ordinal)
            .Replace("{payment}", Pick(random, Payments), StringComparison.Ordinal)
            .Replace("{place}", Pick(random, topic.Places), StringComparison.Ordinal)
            .Replace("{button}", Pick(random, Buttons), StringComparison.Ordinal);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Uncapitalize(string text) => char.ToLowerInvariant(text[0]) + text[1..];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    internal static string Slugify(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
