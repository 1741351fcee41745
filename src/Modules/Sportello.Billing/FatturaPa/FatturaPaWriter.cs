using System.Globalization;
using System.Xml.Linq;
using Sportello.Billing.Domain;
using Sportello.Organizations;

namespace Sportello.Billing.FatturaPa;

/// <summary>A document written as FatturaPA: its format (FPR12 or FPA12), its file name and the XML.</summary>
public sealed record FatturaPaFile(string Format, string FileName, XDocument Xml);

/// <summary>
/// Writes an invoice (TD01) or a credit note (TD04) as FatturaPA 1.2.2 from the content frozen when it was issued:
/// FPA12 for Italian public bodies (office code, split payment, CIG/CUP), FPR12 for everyone else.
/// </summary>
public static class FatturaPaWriter
{
    /// <summary>The recipient code of "no code": the invoice reaches the buyer through its PEC or its tax drawer.</summary>
    public const string NoCode = "0000000";

    /// <summary>The recipient code of a buyer abroad.</summary>
    public const string Abroad = "XXXXXXX";

    /// <summary>Stamp duty is due on amounts without VAT above this, per document.</summary>
    public const decimal StampThreshold = 77.47m;

    public const decimal StampDuty = 2.00m;

    // Natures whose amounts are subject to stamp duty: exports and intra-EU supplies (N3.1–N3.4), reverse charge (N6)
    // and VAT paid in another member state (N7) are not.
    private static readonly HashSet<string> StampedNatures = ["N1", "N2.1", "N2.2", "N3.5", "N3.6", "N4", "N5"];

    private static readonly XNamespace P = FatturaPaSchema.Namespace;

    /// <param name="sequence">The tenant's e-invoice file number, never reused: names the file and the transmission.</param>
    public static FatturaPaFile Write(DocumentContent content, long sequence)
    {
        var publicBody = content.Customer.Kind == OrganizationKind.PublicBody && CountryOf(content.Customer) == "IT";
        var format = publicBody ? "FPA12" : "FPR12";
        var progressive = Base36(sequence);
        var seller = Digits(content.Issuer.PartitaIva);
        var root = new XElement(P + "FatturaElettronica",
            new XAttribute("versione", format),
            new XAttribute(XNamespace.Xmlns + "p", P.NamespaceName),
            new XElement("FatturaElettronicaHeader",
                Transmission(content, format, seller, progressive),
                Seller(content.Issuer, seller),
                Buyer(content.Customer)),
            new XElement("FatturaElettronicaBody",
                General(content),
                Goods(content),
                content.Kind == DocumentKind.Invoice ? Payment(content) : null));
        return new FatturaPaFile(format, $"IT{seller}_{progressive}.xml", new XDocument(new XDeclaration("1.0", "UTF-8", null), root));
    }

    /// <summary>Whether the amounts without VAT in <paramref name="lines"/> bear stamp duty.</summary>
    public static bool Stamped(IEnumerable<DocumentLine> lines) =>
        lines.Where(l => l.VatPercent == 0 && l.VatNature is { } n && StampedNatures.Contains(n)).Sum(l => l.Net) > StampThreshold;

    private static XElement Transmission(DocumentContent content, string format, string seller, string progressive)
    {
        var customer = content.Customer;
        var code = customer.RecipientCode?.Trim().ToUpperInvariant();
        string recipient;
        string? pec = null;
        if (CountryOf(customer) != "IT")
        {
            recipient = Abroad;
        }
        else if (format == "FPA12" ? code is { Length: 6 } : code is { Length: 7 } && code != NoCode)
        {
            recipient = code!;
        }
        else
        {
            // Without a code of its own the buyer receives through its PEC; an office without its code is refused by the rules check.
            recipient = format == "FPA12" ? code ?? string.Empty : NoCode;
            pec = format == "FPR12" && !string.IsNullOrWhiteSpace(customer.Pec) ? customer.Pec.Trim() : null;
        }

        return new XElement("DatiTrasmissione",
            new XElement("IdTrasmittente", new XElement("IdPaese", "IT"), new XElement("IdCodice", seller)),
            new XElement("ProgressivoInvio", progressive),
            new XElement("FormatoTrasmissione", format),
            new XElement("CodiceDestinatario", recipient),
            pec is null ? null : new XElement("PECDestinatario", LatinText.Of(pec, 256)));
    }

    private static XElement Seller(DocumentIssuer issuer, string partitaIva) => new("CedentePrestatore",
        new XElement("DatiAnagrafici",
            new XElement("IdFiscaleIVA", new XElement("IdPaese", "IT"), new XElement("IdCodice", partitaIva)),
            new XElement("Anagrafica", new XElement("Denominazione", LatinText.Of(issuer.LegalName, 80))),
            new XElement("RegimeFiscale", issuer.RegimeFiscale)),
        Seat(issuer.Street ?? issuer.Address, issuer.Cap, issuer.City, issuer.Province, "IT"),
        Rea(issuer.Rea));

    private static XElement Buyer(DocumentCustomer customer)
    {
        var country = CountryOf(customer);
        var vat = customer.PartitaIva?.Trim().ToUpperInvariant();
        var codiceFiscale = country == "IT" ? customer.CodiceFiscale?.Trim().ToUpperInvariant() : null;
        XElement? vatId = null;
        if (!string.IsNullOrEmpty(vat))
        {
            // An EU VAT number may carry its country's prefix (DE123…), which goes in IdPaese; the Swiss CHE stays, being part of the number.
            var number = Digits(vat);
            number = country != "IT" && number.Length > 2 && number.StartsWith(country, StringComparison.Ordinal) && char.IsAsciiDigit(number[2]) ? number[2..] : number;
            vatId = new XElement("IdFiscaleIVA", new XElement("IdPaese", country), new XElement("IdCodice", number.Length > 28 ? number[..28] : number));
        }
        else if (country != "IT")
        {
            // A buyer abroad with no VAT number (a consumer): the agency's placeholder code.
            vatId = new XElement("IdFiscaleIVA", new XElement("IdPaese", country), new XElement("IdCodice", "99999999999"));
        }

        return new XElement("CessionarioCommittente",
            new XElement("DatiAnagrafici",
                vatId,
                string.IsNullOrEmpty(codiceFiscale) ? null : new XElement("CodiceFiscale", codiceFiscale),
                new XElement("Anagrafica", new XElement("Denominazione", LatinText.Of(customer.LegalName, 80)))),
            Seat(customer.Street ?? customer.Address, customer.Cap, customer.City, customer.Province, country));
    }

    private static XElement Seat(string? street, string? cap, string? city, string? province, string country) => new("Sede",
        new XElement("Indirizzo", LatinText.Of(street, 60)),
        new XElement("CAP", country == "IT" ? Digits(cap) : "00000"),
        new XElement("Comune", LatinText.Of(city, 60)),
        country == "IT" && province?.Trim() is { Length: 2 } p ? new XElement("Provincia", p.ToUpperInvariant()) : null,
        new XElement("Nazione", country));

    private static XElement? Rea(string rea)
    {
        // Printed as "NA-1023456": the office's province and the number.
        var parts = rea.Split(['-', ' '], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts is [{ Length: 2 } office, { Length: > 0 and <= 20 } number]
            ? new XElement("IscrizioneREA", new XElement("Ufficio", office.ToUpperInvariant()), new XElement("NumeroREA", LatinText.Of(number, 20)),
                new XElement("StatoLiquidazione", "LN"))
            : null;
    }

    private static XElement General(DocumentContent content) => new("DatiGenerali",
        new XElement("DatiGeneraliDocumento",
            new XElement("TipoDocumento", content.Kind == DocumentKind.CreditNote ? "TD04" : "TD01"),
            new XElement("Divisa", content.Currency),
            new XElement("Data", Date(content.IssuedOn)),
            new XElement("Numero", content.Number),
            Stamped(content.Lines)
                ? new XElement("DatiBollo", new XElement("BolloVirtuale", "SI"), new XElement("ImportoBollo", Amount(StampDuty)))
                : null,
            new XElement("ImportoTotaleDocumento", Amount(content.Total)),
            new XElement("Causale", LatinText.Of($"Ordine {content.OrderNumber}" + (content.AgreementName is { } a ? $", convenzione {a}" : ""), 200))),
        content.Cig is null && content.Cup is null
            ? null
            : new XElement("DatiOrdineAcquisto",
                new XElement("IdDocumento", content.OrderNumber),
                content.Cup is null ? null : new XElement("CodiceCUP", LatinText.Of(content.Cup, 15)),
                content.Cig is null ? null : new XElement("CodiceCIG", LatinText.Of(content.Cig, 15))),
        content.Refers is { } invoice
            ? new XElement("DatiFattureCollegate", new XElement("IdDocumento", invoice.Number), new XElement("Data", Date(invoice.IssuedOn)))
            : null);

    private static XElement Goods(DocumentContent content) => new("DatiBeniServizi",
        content.Lines.Select((line, i) => new XElement("DettaglioLinee",
            new XElement("NumeroLinea", i + 1),
            new XElement("Descrizione", LatinText.Of($"{line.Description} ({line.Term})", 1000)),
            new XElement("Quantita", Amount(line.Quantity)),
            new XElement("PrezzoUnitario", Amount(line.UnitPrice)),
            new XElement("PrezzoTotale", Amount(line.Net)),
            new XElement("AliquotaIVA", Amount(line.VatPercent)),
            line.VatPercent == 0 ? new XElement("Natura", line.VatNature) : null)),
        content.VatSummary.Select(vat => new XElement("DatiRiepilogo",
            new XElement("AliquotaIVA", Amount(vat.VatPercent)),
            vat.VatPercent == 0 ? new XElement("Natura", vat.VatNature) : null,
            new XElement("ImponibileImporto", Amount(vat.Net)),
            new XElement("Imposta", Amount(vat.Vat)),
            vat.VatPercent > 0 ? new XElement("EsigibilitaIVA", content.SplitPayment ? "S" : "I") : null,
            vat.VatPercent == 0 && vat.VatNature is { } nature ? new XElement("RiferimentoNormativo", LatinText.Of(VatNatures.Describe(nature), 100)) : null)));

    private static XElement Payment(DocumentContent content) => new("DatiPagamento",
        new XElement("CondizioniPagamento", "TP02"),
        new XElement("DettaglioPagamento",
            new XElement("ModalitaPagamento", ModeOf(content.Payment.Methods.LastOrDefault())),
            content.Payment.PaidOn is { } paid ? new XElement("DataScadenzaPagamento", Date(paid)) : null,
            new XElement("ImportoPagamento", Amount(content.SplitPayment ? content.Net : content.Total))));

    // MP05 bank transfer, MP08 payment card (PayPal and TWINT charge one), MP22 deducted from money already held (the prepaid balance).
    private static string ModeOf(string? method) => method switch
    {
        "Bonifico bancario" => "MP05",
        "Credito prepagato" => "MP22",
        _ => "MP08",
    };

    private static string CountryOf(DocumentCustomer customer) =>
        customer.Country?.Trim().ToUpperInvariant() is { Length: 2 } country ? country : "IT";

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Digits(string? value) => new((value ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray());

    private static string Base36(long value)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var text = string.Empty;
        do
        {
            text = digits[(int)(value % 36)] + text;
            value /= 36;
        }
        while (value > 0);
        return text.PadLeft(5, '0');
    }
}
