using System.Globalization;
using System.Xml.Linq;

namespace Sportello.Billing.FatturaPa;

/// <summary>
/// The exchange system's checks that documents passing the schema most often fail, each reported with the check's
/// code as the system numbers it, so an operator can look it up.
/// </summary>
public static class FatturaPaRules
{
    public static IReadOnlyList<string> Check(XDocument document, DateOnly today)
    {
        var problems = new List<string>();
        var root = document.Root!;
        var format = (string?)root.Attribute("versione");
        var transmission = root.Descendants("DatiTrasmissione").FirstOrDefault();
        var code = (string?)transmission?.Element("CodiceDestinatario") ?? string.Empty;
        if (format == "FPR12" && code.Length != 7)
        {
            problems.Add($"00427: con FormatoTrasmissione FPR12 il CodiceDestinatario ha 7 caratteri, non «{code}».");
        }
        else if (format == "FPA12" && code.Length != 6)
        {
            problems.Add($"00427: con FormatoTrasmissione FPA12 il CodiceDestinatario è il codice univoco ufficio di 6 caratteri, non «{code}».");
        }

        if (transmission?.Element("PECDestinatario") is not null && code != FatturaPaWriter.NoCode)
        {
            problems.Add($"00426: PECDestinatario si indica solo con CodiceDestinatario {FatturaPaWriter.NoCode}.");
        }

        var buyer = root.Descendants("CessionarioCommittente").Elements("DatiAnagrafici").FirstOrDefault();
        if (buyer?.Element("IdFiscaleIVA") is null && buyer?.Element("CodiceFiscale") is null)
        {
            problems.Add("00417: il cessionario/committente non ha né partita IVA (IdFiscaleIVA) né codice fiscale.");
        }

        foreach (var body in root.Elements("FatturaElettronicaBody"))
        {
            var general = body.Element("DatiGenerali")?.Element("DatiGeneraliDocumento");
            var number = (string?)general?.Element("Numero") ?? string.Empty;
            if (!number.Any(char.IsAsciiDigit))
            {
                problems.Add($"00425: il numero del documento «{number}» non contiene cifre.");
            }

            if (DateOnly.TryParseExact((string?)general?.Element("Data"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date > today)
            {
                problems.Add($"00403: la data del documento {date:yyyy-MM-dd} è nel futuro.");
            }

            CheckLines(body, problems);
        }

        return problems;
    }

    private static void CheckLines(XElement body, List<string> problems)
    {
        var goods = body.Element("DatiBeniServizi");
        if (goods is null)
        {
            return;
        }

        foreach (var line in goods.Elements("DettaglioLinee"))
        {
            var n = (string?)line.Element("NumeroLinea");
            var rate = Number(line.Element("AliquotaIVA"));
            var nature = (string?)line.Element("Natura");
            if (rate == 0 && nature is null)
            {
                problems.Add($"00400: la linea {n} ha aliquota IVA zero e nessuna Natura.");
            }
            else if (rate != 0 && nature is not null)
            {
                problems.Add($"00401: la linea {n} ha una Natura ({nature}) e un'aliquota IVA diversa da zero.");
            }

            // The total is the unit price, less or plus each discount or surcharge in turn, times the quantity, to the cent.
            var price = Number(line.Element("PrezzoUnitario"));
            foreach (var change in line.Elements("ScontoMaggiorazione"))
            {
                var sign = (string?)change.Element("Tipo") == "SC" ? -1m : 1m;
                price += change.Element("Importo") is { } amount ? sign * Number(amount) : sign * price * Number(change.Element("Percentuale")) / 100m;
            }

            var expected = price * (line.Element("Quantita") is { } quantity ? Number(quantity) : 1m);
            var total = Number(line.Element("PrezzoTotale"));
            if (Math.Abs(Math.Round(expected, 2, MidpointRounding.AwayFromZero) - total) > 0.01m)
            {
                problems.Add($"00423: la linea {n} ha PrezzoTotale {total:0.00} ma quantità per prezzo unitario, con sconti e maggiorazioni, fa {expected:0.00}.");
            }
        }

        var summaries = goods.Elements("DatiRiepilogo").ToList();
        foreach (var summary in summaries)
        {
            var rate = Number(summary.Element("AliquotaIVA"));
            var nature = (string?)summary.Element("Natura");
            if (rate == 0 && nature is null)
            {
                problems.Add("00429: un riepilogo ha aliquota IVA zero e nessuna Natura.");
            }
            else if (rate != 0 && nature is not null)
            {
                problems.Add($"00430: un riepilogo ha una Natura ({nature}) e un'aliquota IVA diversa da zero.");
            }
        }

        var summarized = summaries.Select(s => (string?)s.Element("Natura")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var nature in goods.Elements("DettaglioLinee").Select(l => (string?)l.Element("Natura")).OfType<string>().Distinct())
        {
            if (!summarized.Contains(nature))
            {
                problems.Add($"00443: la Natura {nature} delle linee non compare nei riepiloghi.");
            }
        }
    }

    private static decimal Number(XElement? element) =>
        decimal.TryParse((string?)element, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;
}
