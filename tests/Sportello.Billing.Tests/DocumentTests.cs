using System.Net;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.Pdf;
using UglyToad.PdfPig;

namespace Sportello.Billing.Tests;

/// <summary>
/// Pro-formas and invoices: issued with the order and with its payment, once each, numbered gapless per kind even
/// under parallel payments, frozen, drawn as PDFs whose text says the right numbers, mailed to the invoice contacts,
/// and downloadable by the organization's members only.
/// </summary>
public abstract class DocumentTests(SportelloApp app)
{
    private readonly BillingWorld _world = new(app);

    [Fact]
    public async Task An_order_gets_a_pro_forma_with_the_IBAN_and_its_payment_an_invoice_with_the_totals()
    {
        var company = await _world.CompanyAsync();
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1), 2), new NewOrderLine(BillingWorld.Exempt, Term.Years(1)));

        var proForma = Assert.Single(await DocumentsAsync(placed.OrderId));
        Assert.Equal(DocumentKind.ProForma, proForma.Kind);
        var text = PdfText(proForma);
        Assert.Contains($"Fattura pro forma n. {proForma.Number}", text, StringComparison.Ordinal);
        Assert.Contains("IT60X0542811101000000123456", text, StringComparison.Ordinal); // the demo profile's IBAN
        Assert.Contains($"Ordine {placed.Number}", text, StringComparison.Ordinal);
        Assert.Contains(company.Name, text, StringComparison.Ordinal);
        Assert.Contains("non valido ai fini fiscali", text, StringComparison.Ordinal);

        await _world.TransferAsync(placed.OrderId, 274.00m); // 2 × 100.00 + 22%, and 30.00 exempt
        var invoice = Assert.Single(await DocumentsAsync(placed.OrderId), d => d.Kind == DocumentKind.Invoice);
        Assert.Equal((230.00m, 44.00m, 274.00m), (invoice.Net, invoice.Vat, invoice.Total));
        text = PdfText(invoice);
        Assert.Contains($"Fattura n. {invoice.Number}", text, StringComparison.Ordinal);
        Assert.Contains("274,00", text, StringComparison.Ordinal);
        Assert.Contains("44,00", text, StringComparison.Ordinal);
        Assert.Contains("IVA 22% su 200,00 €", text, StringComparison.Ordinal);
        Assert.Contains("Natura N2.2", text, StringComparison.Ordinal);
        Assert.Contains("Bonifico bancario", text, StringComparison.Ordinal);
        Assert.DoesNotContain("non valido ai fini fiscali", text, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{6}$", invoice.Number);
    }

    [Fact]
    public async Task The_invoice_contacts_are_written_to_with_a_link_from_the_tenants_address()
    {
        var company = await _world.CompanyAsync();
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        await _world.TransferAsync(placed.OrderId, 122.00m);
        await app.OutboxDrainedAsync("demo");

        var messages = await Mailbox.WaitForPickupAsync(app, "demo", company.Owner, count: 2);
        var invoice = Assert.Single(messages, m => m.Subject!.StartsWith("Fattura ", StringComparison.Ordinal));
        var number = (await DocumentsAsync(placed.OrderId)).Single(d => d.Kind == DocumentKind.Invoice).Number;
        Assert.Contains(number, invoice.Subject, StringComparison.Ordinal);
        var configured = await _world.InDemoAsync(sp => Task.FromResult(sp.GetRequiredService<Sportello.Core.Tenancy.TenantLinks>().To("/area/invoices")));
        Assert.Equal(configured, Mailbox.FirstLink(invoice));
        Assert.Single(messages, m => m.Subject!.StartsWith("Pro forma ", StringComparison.Ordinal));
        Assert.Empty(Mailbox.Pickup(app, "demo", company.Collaborator)); // a collaborator receives no invoices unless chosen
    }

    [Fact]
    public async Task Twenty_payments_at_once_give_twenty_invoices_with_consecutive_numbers_one_per_order()
    {
        var company = await _world.CompanyAsync();
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < 20; i++)
        {
            orders.Add(await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Monthly)));
        }

        await Task.WhenAll(orders.Select(o => Task.Run(() => _world.TransferAsync(o.OrderId, o.Total.Amount))));
        // And once more: a payment repeated finds the order paid and issues nothing.
        await Assert.ThrowsAnyAsync<Exception>(() => _world.TransferAsync(orders[0].OrderId, 0.01m));

        var invoices = await _world.InDemoAsync(sp => sp.GetRequiredService<BillingDbContext>().Documents.AsNoTracking()
            .Where(d => d.OrganizationId == company.Id && d.Kind == DocumentKind.Invoice).ToListAsync());
        Assert.Equal(20, invoices.Count);
        Assert.Equal(orders.Select(o => o.OrderId).Order(), invoices.Select(d => d.OrderId).Order());
        var sequences = invoices.Select(d => DocumentNumber.Parse(d.Number)!.Value.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range((int)sequences[0], 20).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task An_issued_document_keeps_what_it_said_when_the_profile_changes()
    {
        var company = await _world.CompanyAsync();
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        var before = PdfText(Assert.Single(await DocumentsAsync(placed.OrderId)));

        await ProfileAsync("Nome Cambiato S.p.A.", "IT02A0301503200000003517230");
        try
        {
            var after = PdfText(Assert.Single(await DocumentsAsync(placed.OrderId)));
            Assert.Equal(before, after);
            Assert.DoesNotContain("Nome Cambiato", after, StringComparison.Ordinal);
        }
        finally
        {
            await ProfileAsync("Fiducia Digitale Demo S.r.l.", "IT60X0542811101000000123456");
        }
    }

    [Fact]
    public async Task A_top_up_gets_a_pro_forma_but_no_invoice_until_the_balance_pays_for_services()
    {
        var company = await _world.CompanyAsync();
        var topUp = await _world.InDemoAsync(sp => sp.GetRequiredService<TopUps>().PlaceAsync(
            company.Id, new Sportello.Core.Finance.Money(50m, Sportello.Core.Finance.Currency.Eur), "owner", default));
        await _world.TransferAsync(topUp.OrderId, 50m);
        Assert.Equal([DocumentKind.ProForma], (await DocumentsAsync(topUp.OrderId)).Select(d => d.Kind));

        var order = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Exempt, Term.Years(1)));
        await _world.InDemoAsync(sp => sp.GetRequiredService<Payments>().PayFromBalanceAsync(order.OrderId, "owner", default));
        var invoice = Assert.Single(await DocumentsAsync(order.OrderId), d => d.Kind == DocumentKind.Invoice);
        Assert.Contains("Credito prepagato", PdfText(invoice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_download_their_organizations_documents_and_nobody_else_does()
    {
        var company = await _world.CompanyAsync();
        var other = await _world.CompanyAsync();
        var placed = await _world.OrderAsync(company, new NewOrderLine(BillingWorld.Assistance, Term.Years(1)));
        var document = Assert.Single(await DocumentsAsync(placed.OrderId));

        var collaborator = await SignedInAsync(company.Collaborator);
        var list = await collaborator.GetStringAsync("/demo/area/invoices");
        Assert.Contains($"data-document=\"{document.Number}\"", list, StringComparison.Ordinal);
        var pdf = await collaborator.GetAsync($"/demo/area/invoices/{document.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"proforma-{document.Number}.pdf", pdf.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains(document.Number, await collaborator.GetStringAsync($"/demo/area/orders/{placed.OrderId}"), StringComparison.Ordinal);

        var stranger = await SignedInAsync(other.Owner);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/demo/area/invoices/{document.Id}/pdf")).StatusCode);
        Assert.DoesNotContain(document.Number, await stranger.GetStringAsync("/demo/area/invoices"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/demo/admin/billing/invoices/{document.Id}/pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await app.ClientFor().GetAsync($"/demo/area/invoices/{document.Id}/pdf")).StatusCode);

        var admin = app.ClientFor();
        await SignIn.AsAsync(admin, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        Assert.Contains($"data-document=\"{document.Number}\"", await admin.GetStringAsync($"/demo/admin/billing/invoices?kind=ProForma&q={document.Number}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/demo/admin/billing/invoices/{document.Id}/pdf")).StatusCode);
    }

    // The demo recipe's billing settings, with another legal name and IBAN.
    private Task ProfileAsync(string legalName, string iban) => app.RunRecipeAsync($$"""
        { "name": "t", "steps": [ { "step": "settings", "modules": { "billing": { "pendingDays": 30, "renewalWindowMonths": 3, "profile": {
          "legalName": "{{legalName}}", "partitaIva": "09876540635", "address": "Via Chiaia 149, 80121 Napoli (NA)", "rea": "NA-1023456",
          "iban": "{{iban}}", "regimeFiscale": "RF01" } } } } ] }
        """, "demo");

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, BillingWorld.Password);
        return client;
    }

    private Task<List<BillingDocument>> DocumentsAsync(Guid orderId) => _world.InDemoAsync(sp =>
        sp.GetRequiredService<BillingDbContext>().Documents.AsNoTracking().Where(d => d.OrderId == orderId).OrderBy(d => d.Kind).ToListAsync());

    private static string PdfText(BillingDocument document)
    {
        using var pdf = PdfDocument.Open(DocumentPdf.Render(Documents.Read(document)));
        return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

}

public sealed class DocumentTestsOnSqlite(AppFixture fixture) : DocumentTests(fixture.App), IClassFixture<AppFixture>;

public sealed class DocumentTestsOnPostgres(PostgresAppFixture fixture) : DocumentTests(fixture.App), IClassFixture<PostgresAppFixture>;
