using System.Xml.Linq;
using Sportello.Billing.Domain;
using Sportello.Billing.FatturaPa;
using Sportello.Organizations;

namespace Sportello.Billing.Tests;

/// <summary>FatturaPA files written from document contents, checked by the official schema and the exchange system's common checks.</summary>
public sealed class FatturaPaTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly string Specs = Path.Combine(Repository.Root, "..", "shared", "specs", "fatturapa");

    private static DocumentContent Invoice(DocumentCustomer customer, IReadOnlyList<DocumentLine>? lines = null, bool split = false, string? cig = null, string? cup = null)
    {
        lines ??= [new DocumentLine("Casella PEC Standard", "1 anno", 2, 25.00m, 50.00m, 22m, 11.00m, null)];
        var summary = lines.GroupBy(l => (l.VatPercent, l.VatNature)).Select(g => new DocumentVat(g.Key.VatPercent, g.Key.VatNature, g.Sum(l => l.Net), g.Sum(l => l.Vat))).ToList();
        var (net, vat) = (lines.Sum(l => l.Net), lines.Sum(l => l.Vat));
        return new DocumentContent(
            DocumentKind.Invoice, "2026-000042", Today, "2026-000107", null,
            new DocumentIssuer("Fiducia Digitale Demo S.r.l.", "09876540635", "Via Chiaia 149, 80121 Napoli (NA)", "NA-1023456", "RF01", "Fiducia", "#0b5394", null,
                "Via Chiaia 149", "80121", "Napoli", "NA"),
            customer, lines, summary, "EUR", net, vat, net + vat,
            new DocumentPayment(null, null, null, Today, ["Carta di pagamento"]), split, Cig: cig, Cup: cup);
    }

    private static DocumentCustomer Company(string? code = "M5UXCR1", string? pec = null) => new(
        "Esposito Consulenze S.r.l.", null, "07643520567", "Via Toledo 256, 80134 Napoli (NA)", pec, code,
        OrganizationKind.Company, "Via Toledo 256", "80134", "Napoli", "NA", "IT");

    private static IReadOnlyList<string> Problems(DocumentContent content) => EInvoicing.Check(FatturaPaWriter.Write(content, 42).Xml, Today);

    private static XElement Xml(DocumentContent content) => FatturaPaWriter.Write(content, 42).Xml.Root!;

    private static string Value(XElement root, string name) => root.Descendants(name).Single().Value;

    [Fact]
    public void A_business_invoice_is_FPR12_with_its_seven_character_code_and_two_decimal_amounts()
    {
        var content = Invoice(Company());
        Assert.Empty(Problems(content));
        var file = FatturaPaWriter.Write(content, 42);
        Assert.Equal(("FPR12", "IT09876540635_00016.xml"), (file.Format, file.FileName));
        var root = file.Xml.Root!;
        Assert.Equal("M5UXCR1", Value(root, "CodiceDestinatario"));
        Assert.Equal("TD01", Value(root, "TipoDocumento"));
        Assert.Equal("22.00", root.Descendants("DettaglioLinee").Single().Element("AliquotaIVA")!.Value);
        Assert.Equal("61.00", Value(root, "ImportoTotaleDocumento"));
        Assert.Equal("I", Value(root, "EsigibilitaIVA"));
        Assert.Equal("RF01", Value(root, "RegimeFiscale"));
        Assert.Equal("NA", root.Descendants("IscrizioneREA").Single().Element("Ufficio")!.Value);
        Assert.Empty(root.Descendants("DatiBollo"));
    }

    [Fact]
    public void A_business_without_a_code_receives_through_its_PEC()
    {
        var root = Xml(Invoice(Company(code: null, pec: "amministrazione@pec.esposito.example")));
        Assert.Equal(FatturaPaWriter.NoCode, Value(root, "CodiceDestinatario"));
        Assert.Equal("amministrazione@pec.esposito.example", Value(root, "PECDestinatario"));
        Assert.Empty(Problems(Invoice(Company(code: null, pec: "amministrazione@pec.esposito.example"))));
    }

    [Fact]
    public void A_consumer_is_identified_by_codice_fiscale_with_the_no_code_recipient()
    {
        var consumer = new DocumentCustomer("Anna Ricci", "RCCNNA85M41F839U", null, null, null, null,
            OrganizationKind.Person, "Via dei Mille 12", "80121", "Napoli", "NA", "IT");
        var content = Invoice(consumer);
        Assert.Empty(Problems(content));
        var root = Xml(content);
        Assert.Equal(FatturaPaWriter.NoCode, Value(root, "CodiceDestinatario"));
        Assert.Empty(root.Descendants("PECDestinatario"));
        Assert.Equal("RCCNNA85M41F839U", root.Descendants("CessionarioCommittente").Descendants("CodiceFiscale").Single().Value);
        Assert.Empty(root.Descendants("CessionarioCommittente").Descendants("IdFiscaleIVA"));
    }

    [Fact]
    public void A_public_body_gets_FPA12_with_its_office_code_split_payment_and_the_tender_codes()
    {
        var body = new DocumentCustomer("Comune di Valleverde", "80012340634", null, null, null, "UFVX4K",
            OrganizationKind.PublicBody, "Piazza Municipio 1", "80040", "Valleverde", "NA", "IT");
        var content = Invoice(body, split: true, cig: "Z1A2B3C4D5", cup: "J51B21000000001");
        Assert.Empty(Problems(content));
        var root = Xml(content);
        Assert.Equal("FPA12", (string?)root.Attribute("versione"));
        Assert.Equal("UFVX4K", Value(root, "CodiceDestinatario"));
        Assert.Equal("S", Value(root, "EsigibilitaIVA"));
        Assert.Equal("50.00", Value(root, "ImportoPagamento")); // the body pays the VAT to the State
        Assert.Equal("61.00", Value(root, "ImportoTotaleDocumento"));
        Assert.Equal(("Z1A2B3C4D5", "J51B21000000001", "2026-000107"), (Value(root, "CodiceCIG"), Value(root, "CodiceCUP"), Value(root, "IdDocumento")));
    }

    [Fact]
    public void An_exempt_invoice_above_77_47_bears_the_virtual_stamp_and_names_its_nature()
    {
        var exempt = Invoice(Company(), [new DocumentLine("Corso di formazione", "una tantum", 1, 120.00m, 120.00m, 0m, 0m, "N4")]);
        Assert.Empty(Problems(exempt));
        var root = Xml(exempt);
        Assert.Equal(("SI", "2.00"), (Value(root, "BolloVirtuale"), Value(root, "ImportoBollo")));
        Assert.Equal(2, root.Descendants("Natura").Count(n => n.Value == "N4"));
        Assert.Equal("0.00", Value(root, "Imposta"));

        Assert.Empty(Xml(Invoice(Company(), [new DocumentLine("Corso", "una tantum", 1, 77.47m, 77.47m, 0m, 0m, "N4")])).Descendants("DatiBollo"));
        Assert.Empty(Xml(Invoice(Company(), [new DocumentLine("Export", "una tantum", 1, 500m, 500m, 0m, 0m, "N3.1")])).Descendants("DatiBollo"));
    }

    [Fact]
    public void A_foreign_customer_gets_the_foreign_recipient_and_its_country()
    {
        var swiss = new DocumentCustomer("Alpenvertrauen AG", null, "CHE-123.456.789", null, null, null,
            OrganizationKind.Company, "Bahnhofstrasse 10", "8001", "Zürich", null, "CH");
        var content = Invoice(swiss, [new DocumentLine("Identità digitale", "1 anno", 1, 40m, 40m, 0m, 0m, "N2.1")]);
        Assert.Empty(Problems(content));
        var root = Xml(content);
        Assert.Equal(FatturaPaWriter.Abroad, Value(root, "CodiceDestinatario"));
        var buyer = root.Descendants("CessionarioCommittente").Single();
        Assert.Equal(("CH", "CHE123456789"), (buyer.Descendants("IdPaese").Single().Value, buyer.Descendants("IdCodice").Single().Value));
        Assert.Equal(("00000", "CH", "Zürich"), (Value(buyer, "CAP"), Value(buyer, "Nazione"), Value(buyer, "Comune")));
    }

    [Fact]
    public void A_credit_note_is_TD04_and_names_the_invoice_it_corrects()
    {
        var content = Invoice(Company()) with { Kind = DocumentKind.CreditNote, Number = "2026-000003", Refers = new DocumentReference("2026-000042", new DateOnly(2026, 11, 20)) };
        Assert.Empty(Problems(content));
        var root = Xml(content);
        Assert.Equal("TD04", Value(root, "TipoDocumento"));
        var linked = root.Descendants("DatiFattureCollegate").Single();
        Assert.Equal(("2026-000042", "2026-11-20"), (linked.Element("IdDocumento")!.Value, linked.Element("Data")!.Value));
        Assert.Empty(root.Descendants("DatiPagamento"));
    }

    [Fact]
    public void Text_is_kept_to_Latin_1_and_cut_to_its_field()
    {
        Assert.Equal("\"Firma\" - 10 EUR l'anno... ?ódz", LatinText.Of("  “Firma” – 10 € l’anno…  Łódź ", 100));
        Assert.Equal("Perché città", LatinText.Of("Perché\tcittà", 100));
        Assert.Equal("abc", LatinText.Of("abcdef", 3));
        var content = Invoice(Company(), [new DocumentLine("Servizio “Premium” – 1 000 € ≥ ok", "1 anno", 1, 10m, 10m, 22m, 2.20m, null)]);
        Assert.Empty(Problems(content));
    }

    [Fact]
    public void The_embedded_schema_is_the_official_one()
    {
        foreach (var name in new[] { "FatturaPA_v1.2.2.xsd", "xmldsig-core.xsd" })
        {
            var embedded = typeof(FatturaPaSchema).Assembly.GetManifestResourceStream($"Sportello.Billing.FatturaPa.Schema.{name}")!;
            using var copy = new MemoryStream();
            embedded.CopyTo(copy);
            Assert.Equal(File.ReadAllBytes(Path.Combine(Specs, name)), copy.ToArray());
        }
    }

    [Theory]
    [InlineData("sample-invoice-simple.xml")]
    [InlineData("sample-invoice-credit-note.xml")]
    [InlineData("sample-invoice-b2g.xml")]
    public void The_published_samples_pass_the_schema(string sample)
    {
        using var reader = File.OpenText(Path.Combine(Specs, sample));
        Assert.Empty(FatturaPaSchema.Validate(reader));
    }

    [Fact]
    public void The_checks_pass_the_good_samples_and_refuse_the_public_body_sample_without_an_office_code()
    {
        Assert.Empty(FatturaPaRules.Check(XDocument.Load(Path.Combine(Specs, "sample-invoice-simple.xml")), Today));
        Assert.Empty(FatturaPaRules.Check(XDocument.Load(Path.Combine(Specs, "sample-invoice-credit-note.xml")), Today));
        var problem = Assert.Single(FatturaPaRules.Check(XDocument.Load(Path.Combine(Specs, "sample-invoice-b2g.xml")), Today));
        Assert.StartsWith("00427:", problem);
    }

    [Fact]
    public void A_document_of_another_kind_is_refused_not_passed_unchecked() =>
        Assert.NotEmpty(FatturaPaSchema.Validate(new StringReader("<FatturaElettronica versione=\"FPR12\"><Numero>1</Numero></FatturaElettronica>")));

    [Fact]
    public void A_broken_sample_is_refused_with_the_schema_message()
    {
        var broken = File.ReadAllText(Path.Combine(Specs, "sample-invoice-simple.xml")).Replace("<ImportoTotaleDocumento>1388.40<", "<ImportoTotaleDocumento>1388,40<", StringComparison.Ordinal);
        var problems = FatturaPaSchema.Validate(new StringReader(broken));
        Assert.Contains(problems, p => p.Contains("ImportoTotaleDocumento", StringComparison.Ordinal) && p.Contains("riga", StringComparison.Ordinal));

        var missing = File.ReadAllText(Path.Combine(Specs, "sample-invoice-simple.xml")).Replace("<Numero>SAMPLE-001</Numero>", "", StringComparison.Ordinal);
        Assert.Contains(FatturaPaSchema.Validate(new StringReader(missing)), p => p.Contains("Numero", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_common_exchange_check_names_its_code()
    {
        static IReadOnlyList<string> After(Action<XElement> change)
        {
            var root = Xml(Invoice(Company(), [new DocumentLine("A", "1 anno", 2, 10m, 20m, 22m, 4.40m, null), new DocumentLine("B", "1 anno", 1, 100m, 100m, 0m, 0m, "N4")]));
            change(root);
            return FatturaPaRules.Check(root.Document!, Today);
        }

        static XElement Line(XElement root, int n) => root.Descendants("DettaglioLinee").ElementAt(n - 1);

        Assert.Empty(After(_ => { }));
        Assert.Contains(After(r => Line(r, 2).Element("Natura")!.Remove()), p => p.StartsWith("00400:", StringComparison.Ordinal));
        Assert.Contains(After(r => Line(r, 1).Element("AliquotaIVA")!.AddAfterSelf(new XElement("Natura", "N4"))), p => p.StartsWith("00401:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.Descendants("DatiRiepilogo").Last().Element("Natura")!.Remove()), p => p.StartsWith("00429:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.Descendants("DatiRiepilogo").First().Element("AliquotaIVA")!.AddAfterSelf(new XElement("Natura", "N4"))), p => p.StartsWith("00430:", StringComparison.Ordinal));
        Assert.Contains(After(r => Line(r, 2).Element("Natura")!.Value = "N2.2"), p => p.StartsWith("00443:", StringComparison.Ordinal));
        Assert.Contains(After(r => Line(r, 1).Element("PrezzoTotale")!.Value = "20.02"), p => p.StartsWith("00423:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.Descendants("Numero").Single().Value = "FT-ABC"), p => p.StartsWith("00425:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.Descendants("Data").First().Value = "2026-12-04"), p => p.StartsWith("00403:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.Descendants("CodiceDestinatario").Single().AddAfterSelf(new XElement("PECDestinatario", "x@pec.example"))), p => p.StartsWith("00426:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.Descendants("CessionarioCommittente").Descendants("IdFiscaleIVA").Single().Remove()), p => p.StartsWith("00417:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.Descendants("CodiceDestinatario").Single().Value = "UFVX4K"), p => p.StartsWith("00427:", StringComparison.Ordinal));
        Assert.Contains(After(r => r.SetAttributeValue("versione", "FPA12")), p => p.StartsWith("00427:", StringComparison.Ordinal));
    }
}
