using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.FatturaPa;
using Sportello.Core.Validation;
using Xunit.Abstractions;

namespace Sportello.Billing.Tests;

/// <summary>
/// E-invoices of a seller with Italian fiscal data: written after each invoice, valid against the official schema,
/// downloadable by operators and by the buyer only, archived per month; public bodies under split payment; Italian
/// businesses asked at the order for what an e-invoice needs.
/// </summary>
public abstract class EInvoiceTests(SportelloApp app, ITestOutputHelper output)
{
    private readonly BillingWorld _world = new(app);

    [Fact]
    public async Task A_paid_order_gets_a_valid_e_invoice_that_operators_and_the_buyer_download_and_nobody_else()
    {
        var (company, owner, orderId) = await _world.PendingOrderAsync();
        await _world.TransferAsync(orderId, 122.00m);
        var invoice = await EInvoiceOfAsync(orderId);

        Assert.Equal((EInvoiceStatus.Valid, EInvoiceTransmission.ToSend, "FPR12"), (invoice.Status, invoice.Transmission, invoice.Format));
        Assert.Null(invoice.Problems);
        Assert.Empty(FatturaPaSchema.Validate(new StringReader(invoice.Xml)));
        var xml = XDocument.Parse(invoice.Xml);
        Assert.Equal("M5UXCR1", xml.Descendants("CodiceDestinatario").Single().Value);
        Assert.Equal("122.00", xml.Descendants("ImportoTotaleDocumento").Single().Value);
        Assert.Matches("^IT09876540635_[0-9A-Z]{5}\\.xml$", invoice.FileName);

        var admin = app.ClientFor();
        await SignIn.AsAsync(admin, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var download = await admin.GetAsync($"/demo/admin/billing/einvoices/{invoice.DocumentId}/xml");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/xml", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(invoice.FileName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/demo/area/invoices/{invoice.DocumentId}/xml")).StatusCode);
        Assert.Contains($"/area/invoices/{invoice.DocumentId}/xml", await owner.GetStringAsync("/demo/area/invoices"));

        // Another organization's member, and the buyer at the operators' address, are refused.
        var (_, stranger, _) = await _world.PendingOrderAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/demo/area/invoices/{invoice.DocumentId}/xml")).StatusCode);
        var denied = await owner.GetAsync($"/demo/admin/billing/einvoices/{invoice.DocumentId}/xml");
        Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString ?? denied.RequestMessage!.RequestUri!.AbsolutePath);

        // The month's page lists it; its ZIP holds the file; recording the upload marks it sent.
        var month = TimeZoneInfo.ConvertTimeFromUtc(invoice.IssuedUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")).ToString("yyyy-MM");
        var page = await admin.GetStringAsync($"/demo/admin/billing/einvoices?month={month}");
        Assert.Contains($"data-einvoice=\"{invoice.DocumentNumber}\"", page);
        var zip = new ZipArchive(await admin.GetStreamAsync($"/demo/admin/billing/einvoices?month={month}&handler=Zip"));
        Assert.Contains(zip.Entries, e => e.FullName == invoice.FileName);
        var sent = await admin.PostAsync($"/demo/admin/billing/einvoices?handler=Sent&id={invoice.Id}&month={month}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reference"] = "SDI-123456789", ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var after = await EInvoiceOfAsync(orderId);
        Assert.Equal((EInvoiceTransmission.Sent, "SDI-123456789"), (after.Transmission, after.TransmissionReference));
        var audit = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/audit?subject={Uri.EscapeDataString(invoice.FileName)}"));
        Assert.Contains("Fattura elettronica registrata come inviata allo SdI", audit);
        Assert.Contains("SDI-123456789", audit);
    }

    [Fact]
    public async Task A_public_body_pays_the_net_amount_and_its_e_invoice_is_FPA12_with_split_payment()
    {
        var body = await _world.CompanyAsync(publicBody: true);
        var placed = await _world.OrderAsync(body, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        var order = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.AsNoTracking().SingleAsync(o => o.Id == placed.OrderId));
        Assert.True(order.SplitPayment);
        Assert.Equal((122.00m, 100.00m), (order.Total, order.Outstanding));

        // The body gives its CIG and CUP on the order before paying; a malformed one is a field error.
        var owner = app.ClientFor();
        await SignIn.AsAsync(owner, "/demo", body.Owner, BillingWorld.Password);
        var page = await owner.GetStringAsync($"/demo/area/orders/{placed.OrderId}");
        Assert.Contains("Dati dell'ente per la fattura elettronica", System.Net.WebUtility.HtmlDecode(page));
        var wrong = await owner.PostAsync($"/demo/area/orders/{placed.OrderId}?handler=Procurement", BillingWorld.Form(page, ("Cig", "Z1A2"), ("Cup", "")));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Il CIG ha 10 caratteri", System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var saved = await owner.PostAsync($"/demo/area/orders/{placed.OrderId}?handler=Procurement", BillingWorld.Form(page, ("Cig", "z1a2b3c4d5"), ("Cup", "J51B21000000001")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("data-payable", await owner.GetStringAsync($"/demo/area/orders/{placed.OrderId}"));

        await _world.TransferAsync(placed.OrderId, 100.00m);
        Assert.Equal(OrderStatus.Completed, (await _world.InDemoAsync(sp => sp.GetRequiredService<IOrders>().FindAsync(placed.OrderId)))!.Status);
        var invoice = await EInvoiceOfAsync(placed.OrderId);
        Assert.Equal((EInvoiceStatus.Valid, "FPA12"), (invoice.Status, invoice.Format));
        var xml = XDocument.Parse(invoice.Xml);
        Assert.Equal("UF7K2Q", xml.Descendants("CodiceDestinatario").Single().Value);
        Assert.Equal("S", xml.Descendants("EsigibilitaIVA").Single().Value);
        Assert.Equal("100.00", xml.Descendants("ImportoPagamento").Single().Value);
        Assert.Equal(("Z1A2B3C4D5", "J51B21000000001"), (xml.Descendants("CodiceCIG").Single().Value, xml.Descendants("CodiceCUP").Single().Value));
    }

    [Fact]
    public async Task An_Italian_business_without_recipient_code_or_PEC_is_asked_for_it_at_the_order()
    {
        var company = await _world.CompanyAsync(recipientCode: false);
        var refused = await Assert.ThrowsAsync<SportelloValidationException>(() => _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1))));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("organization.recipientCode", problem.Field);
        Assert.Contains("codice destinatario", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Orders.CountAsync(o => o.OrganizationId == company.Id)));
    }

    [Fact]
    public async Task Every_e_invoice_of_the_demo_tenant_passes_the_official_schema_and_the_checks()
    {
        var invoices = await _world.InDemoAsync(async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            var documents = await db.Documents.AsNoTracking().Where(d => d.Kind != DocumentKind.ProForma).Select(d => d.Id).ToListAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await db.EInvoices.CountAsync(e => documents.Contains(e.DocumentId)) < documents.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            return await db.EInvoices.AsNoTracking().Where(e => documents.Contains(e.DocumentId)).ToListAsync();
        });

        Assert.NotEmpty(invoices);
        output.WriteLine($"{invoices.Count} e-invoices of the demo tenant, {invoices.Count(i => i.Format == "FPA12")} to public bodies");
        Assert.All(invoices, i => Assert.True(i.Status == EInvoiceStatus.Valid, $"{i.DocumentNumber}: {i.Problems}"));
        Assert.All(invoices, i => Assert.Empty(EInvoicing.Check(XDocument.Parse(i.Xml), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)))));
    }



    /// <summary>The e-invoice of the order's invoice, once its background writing has run.</summary>
    private Task<EInvoice> EInvoiceOfAsync(Guid orderId) => _world.InDemoAsync(async sp =>
    {
        var db = sp.GetRequiredService<BillingDbContext>();
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.OrderId == orderId && d.Kind == DocumentKind.Invoice);
        for (var tries = 0; tries < 300; tries++)
        {
            if (await db.EInvoices.AsNoTracking().FirstOrDefaultAsync(e => e.DocumentId == document.Id) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No e-invoice was written for {document.Number}.");
    });
}

public sealed class EInvoiceTestsOnSqlite(AppFixture fixture, ITestOutputHelper output) : EInvoiceTests(fixture.App, output), IClassFixture<AppFixture>;

public sealed class EInvoiceTestsOnPostgres(PostgresAppFixture fixture, ITestOutputHelper output) : EInvoiceTests(fixture.App, output), IClassFixture<PostgresAppFixture>;
