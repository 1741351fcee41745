using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;

namespace Sportello.Billing.Pdf;

/// <summary>
/// Draws a pro-forma or an invoice on A4 from what it froze when issued: the reseller's brand and legal data, the
/// customer's fiscal data, the lines, the VAT per rate and the totals, and how to pay or how it was paid. Italian, as
/// Italian fiscal documents are; a long order carries on to further pages.
/// </summary>
public static class DocumentPdf
{
    private const double Margin = 42;
    private const double Width = 595 - 2 * Margin;
    private const double Bottom = 842 - 60;

    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    // Description, term, quantity, unit price, VAT, net: the columns' left edges and widths.
    private static readonly (double X, double W)[] Columns = [(0, 196), (196, 78), (274, 34), (308, 70), (378, 51), (429, Width - 429)];

    public static byte[] Render(DocumentContent content)
    {
        LatoFonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{Title(content.Kind)} {content.Number}";
        pdf.Info.Author = content.Issuer.LegalName;
        var page = new Sheet(pdf, content);
        page.Header();
        page.Parties();
        page.Lines();
        page.Totals();
        page.Payment();
        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    public static string Title(DocumentKind kind) => kind switch
    {
        DocumentKind.Invoice => "Fattura",
        DocumentKind.CreditNote => "Nota di credito",
        _ => "Fattura pro forma",
    };

    /// <summary>A file name the customer recognises: <c>fattura-2026-000042.pdf</c>.</summary>
    public static string FileName(DocumentKind kind, string number) => kind switch
    {
        DocumentKind.Invoice => "fattura-",
        DocumentKind.CreditNote => "nota-di-credito-",
        _ => "proforma-",
    } + number + ".pdf";

    private sealed class Sheet(PdfDocument pdf, DocumentContent content)
    {
        private static readonly XFont Small = new(LatoFonts.Family, 8);
        private static readonly XFont Text = new(LatoFonts.Family, 9.5);
        private static readonly XFont Strong = new(LatoFonts.Family, 9.5, XFontStyleEx.Bold);
        private static readonly XFont Heading = new(LatoFonts.Family, 15, XFontStyleEx.Bold);
        private static readonly XFont Brand = new(LatoFonts.Family, 13, XFontStyleEx.Bold);
        private static readonly XPen Rule = new(XColor.FromArgb(200, 200, 200), 0.6);

        private readonly Currency currency = Currency.Parse(content.Currency);
        private readonly XColor color = ColorOf(content.Issuer.Color);
        private XGraphics gfx = null!;
        private double y;

        public void Header()
        {
            NewPage();
            gfx.DrawString($"{Title(content.Kind)} n. {content.Number}", Heading, XBrushes.Black, Margin, y + 14);
            var dated = $"del {content.IssuedOn.ToString("d MMMM yyyy", Italian)} · ordine {content.OrderNumber}";
            gfx.DrawString(dated, Text, XBrushes.DimGray, new XRect(Margin, y, Width, 16), XStringFormats.TopRight);
            y += 30;
            if (content.AgreementName is { } agreement)
            {
                gfx.DrawString($"Prezzi in convenzione: {agreement}", Text, XBrushes.Black, Margin, y);
                y += 14;
            }

            if (content.Kind == DocumentKind.ProForma)
            {
                gfx.DrawString("Documento non valido ai fini fiscali: la fattura è emessa al pagamento.", Small, XBrushes.DimGray, Margin, y);
                y += 14;
            }
        }

        public void Parties()
        {
            var issuer = content.Issuer;
            var customer = content.Customer;
            var left = Block(Margin, "Emessa da", issuer.LegalName,
            [
                issuer.Address,
                Labelled("Partita IVA", issuer.PartitaIva),
                Labelled("REA", issuer.Rea),
                Labelled("Regime fiscale", issuer.RegimeFiscale),
                issuer.SupportEmail,
            ]);
            var right = Block(Margin + Width / 2 + 10, "Intestata a", customer.LegalName,
            [
                customer.Address,
                Labelled("Codice fiscale", customer.CodiceFiscale),
                Labelled("Partita IVA", customer.PartitaIva),
                Labelled("PEC", customer.Pec),
                Labelled("Codice destinatario", customer.RecipientCode),
            ]);
            y = Math.Max(left, right) + 16;
        }

        public void Lines()
        {
            LineHeadings();
            foreach (var line in content.Lines)
            {
                var description = Wrap(line.Description, Text, Columns[0].W - 6);
                var height = description.Count * 12 + 6;
                if (y + height > Bottom)
                {
                    NewPage();
                    LineHeadings();
                }

                for (var i = 0; i < description.Count; i++)
                {
                    gfx.DrawString(description[i], Text, XBrushes.Black, Margin, y + 9 + i * 12);
                }

                Cell(1, line.Term, XStringFormats.TopLeft);
                Cell(2, line.Quantity.ToString(Italian), XStringFormats.TopRight);
                Cell(3, Amount(line.UnitPrice), XStringFormats.TopRight);
                Cell(4, VatOf(line.VatPercent, line.VatNature), XStringFormats.TopRight);
                Cell(5, Amount(line.Net), XStringFormats.TopRight);
                y += height;
                gfx.DrawLine(Rule, Margin, y - 3, Margin + Width, y - 3);
            }

            y += 10;
        }

        public void Totals()
        {
            Room(40 + 14 * (content.VatSummary.Count + 3));
            var start = y;
            gfx.DrawString("Riepilogo IVA", Strong, XBrushes.Black, Margin, y + 9);
            y += 16;
            foreach (var vat in content.VatSummary)
            {
                var label = vat.VatNature is { } nature ? $"Natura {nature}, imponibile {Amount(vat.Net)}" : $"IVA {VatOf(vat.VatPercent, null)} su {Amount(vat.Net)}";
                gfx.DrawString(label, Text, XBrushes.Black, Margin, y + 9);
                gfx.DrawString(Amount(vat.Vat), Text, XBrushes.Black, new XRect(Margin, y, Width / 2, 12), XStringFormats.TopRight);
                y += 14;
            }

            var top = start;
            var x = Margin + Width / 2 + 10;
            var w = Width / 2 - 10;
            Total(x, w, ref top, "Imponibile", content.Net, Text);
            Total(x, w, ref top, "IVA", content.Vat, Text);
            gfx.DrawLine(new XPen(color, 1), x, top + 1, x + w, top + 1);
            top += 5;
            Total(x, w, ref top, "Totale", content.Total, Strong);
            if (content.SplitPayment)
            {
                // Scissione dei pagamenti: the body pays the VAT to the State, the seller receives the net amount.
                Total(x, w, ref top, "IVA versata dall'ente", -content.Vat, Text);
                Total(x, w, ref top, "Da pagare", content.Net, Strong);
            }

            y = Math.Max(y, top) + 18;
        }

        public void Payment()
        {
            var payment = content.Payment;
            var lines = new List<string>();
            if (content.Kind == DocumentKind.Invoice)
            {
                lines.Add(payment.PaidOn is { } paid
                    ? $"Pagata il {paid.ToString("d MMMM yyyy", Italian)}: {string.Join(", ", payment.Methods)}."
                    : "Pagata.");
            }
            else if (content.Kind == DocumentKind.CreditNote)
            {
                lines.Add(content.Refers is { } invoice
                    ? $"Storna la fattura n. {invoice.Number} del {invoice.IssuedOn.ToString("d MMMM yyyy", Italian)}."
                    : "Nota di credito.");
            }
            else
            {
                lines.Add($"Da pagare entro il {payment.DueOn?.ToString("d MMMM yyyy", Italian)}: {Amount(content.SplitPayment ? content.Net : content.Total)}.");
                if (payment.Iban is { } iban)
                {
                    lines.Add($"Con bonifico bancario a {content.Issuer.LegalName}, IBAN {iban}, causale «{payment.Reference}».");
                }

                lines.Add("Oppure con gli altri metodi di pagamento dalla pagina dell'ordine, nell'area clienti.");
            }

            Room(16 + lines.Count * 13);
            gfx.DrawString(content.Kind switch { DocumentKind.Invoice => "Pagamento", DocumentKind.CreditNote => "Riferimento", _ => "Come pagare" }, Strong, XBrushes.Black, Margin, y + 9);
            y += 15;
            foreach (var text in lines.SelectMany(l => Wrap(l, Text, Width)))
            {
                gfx.DrawString(text, Text, XBrushes.Black, Margin, y + 9);
                y += 13;
            }
        }

        private void NewPage()
        {
            gfx?.Dispose();
            var page = pdf.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            gfx.DrawRectangle(new XSolidBrush(color), 0, 0, page.Width.Point, 34);
            gfx.DrawString(content.Issuer.Brand, Brand, XBrushes.White, Margin, 22);
            var footer = $"{content.Issuer.LegalName} · {Title(content.Kind)} {content.Number} · pagina {pdf.PageCount}";
            gfx.DrawString(footer, Small, XBrushes.DimGray, new XRect(Margin, 842 - 40, Width, 12), XStringFormats.TopCenter);
            y = 58;
        }

        private void Room(double height)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }
        }

        private void LineHeadings()
        {
            string[] titles = ["Descrizione", "Durata", "Q.tà", "Prezzo unit.", "IVA", "Imponibile"];
            gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(242, 242, 242)), Margin, y, Width, 16);
            for (var i = 0; i < titles.Length; i++)
            {
                var format = i is 0 or 1 ? XStringFormats.TopLeft : XStringFormats.TopRight;
                gfx.DrawString(titles[i], Strong, XBrushes.Black, new XRect(Margin + Columns[i].X + 2, y + 3, Columns[i].W - 4, 12), format);
            }

            y += 20;
        }

        private void Cell(int column, string text, XStringFormat format) =>
            gfx.DrawString(text, Text, XBrushes.Black, new XRect(Margin + Columns[column].X + 2, y, Columns[column].W - 4, 12), format);

        private double Block(double x, string title, string name, IEnumerable<string?> rows)
        {
            var at = y;
            gfx.DrawString(title, Small, XBrushes.DimGray, x, at + 8);
            at += 12;
            foreach (var text in Wrap(name, Strong, Width / 2 - 10))
            {
                gfx.DrawString(text, Strong, XBrushes.Black, x, at + 9);
                at += 12;
            }

            foreach (var row in rows.Where(r => !string.IsNullOrWhiteSpace(r)))
            {
                foreach (var text in Wrap(row!, Text, Width / 2 - 10))
                {
                    gfx.DrawString(text, Text, XBrushes.Black, x, at + 9);
                    at += 12;
                }
            }

            return at;
        }

        private void Total(double x, double w, ref double top, string label, decimal amount, XFont font)
        {
            gfx.DrawString(label, font, XBrushes.Black, x, top + 9);
            gfx.DrawString(Amount(amount), font, XBrushes.Black, new XRect(x, top, w, 12), XStringFormats.TopRight);
            top += 14;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
            return lines;
        }

        private string Amount(decimal amount) => new Money(amount, currency).ToString(Italian);

        private static string? Labelled(string label, string? value) => string.IsNullOrWhiteSpace(value) ? null : $"{label}: {value}";

        private static string VatOf(decimal percent, string? nature) =>
            nature is { Length: > 0 } ? nature : percent.ToString("0.##", Italian) + "%";

        private static XColor ColorOf(string hex) =>
            hex is ['#', _, _, _, _, _, _] && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)
                ? XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
                : XColor.FromArgb(11, 92, 173);
    }
}
