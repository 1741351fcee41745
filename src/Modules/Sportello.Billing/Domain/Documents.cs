using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core;
using Sportello.Core.Events;
using Sportello.Core.Tenancy;
using Sportello.Organizations;

namespace Sportello.Billing.Domain;

/// <summary>
/// Issues pro-formas and invoices inside the caller's transaction (numbers are gapless only so), once per order and
/// kind, and announces each so its e-mail goes out after the commit.
/// </summary>
public sealed class Documents(BillingDbContext db, DocumentNumbers numbers, IOrganizationDirectory organizations, TenantContext tenant, TimeProvider clock)
{
    public BillingProfile Profile => tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId).Profile;

    /// <summary>The document of <paramref name="kind"/> for the tracked <paramref name="order"/>, issued now unless it already was.</summary>
    public async Task<BillingDocument> IssueAsync(Order order, DocumentKind kind, CancellationToken ct)
    {
        var issued = db.Documents.Local.FirstOrDefault(d => d.OrderId == order.Id && d.Kind == kind)
            ?? await db.Documents.FirstOrDefaultAsync(d => d.OrderId == order.Id && d.Kind == kind, ct);
        if (issued is not null)
        {
            return issued;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, tenant.Tenant.TimeZone));
        var number = (await numbers.NextAsync(BillingDocument.CounterOf(kind), today.Year, ct)).ToString();
        var organization = await organizations.FindAsync(order.OrganizationId, ct);
        var content = new DocumentContent(
            kind, number, today, order.Number, order.AgreementName, Issuer(), Customer(order, organization),
            order.Lines.OrderBy(l => l.Position).Select(Line).ToList(), VatSummary(order), order.Currency, order.Net, order.Vat, order.Total,
            kind == DocumentKind.Invoice ? await PaidAsync(order, ct) : ToPay(order),
            order.SplitPayment, Cig: order.Cig, Cup: order.Cup);
        var document = new BillingDocument
        {
            Kind = kind, Number = number, OrderId = order.Id, OrderNumber = order.Number, OrganizationId = order.OrganizationId,
            OrganizationName = content.Customer.LegalName, IssuedUtc = now, Currency = order.Currency,
            Net = order.Net, Vat = order.Vat, Total = order.Total,
            Content = Write(content),
        };
        db.Documents.Add(document);
        db.Raise(new DocumentIssued(document.Id));
        return document;
    }

    // Nulls are written, as for events, so a content without (say) a REA reads back.
    public static string Write(DocumentContent content) => JsonSerializer.Serialize(content, SportelloJson.Events);

    public static DocumentContent Read(BillingDocument document) =>
        JsonSerializer.Deserialize<DocumentContent>(document.Content, SportelloJson.Events)
        ?? throw new InvalidDataException($"Document {document.Number} has no content.");

    private DocumentIssuer Issuer()
    {
        var profile = Profile;
        var branding = tenant.Settings.Branding;
        return new DocumentIssuer(
            string.IsNullOrWhiteSpace(profile.LegalName) ? tenant.Tenant.DisplayName : profile.LegalName,
            profile.PartitaIva, profile.PrintedAddress, profile.Rea, profile.RegimeFiscale, tenant.Tenant.DisplayName, branding.PrimaryColor, branding.SupportEmail,
            profile.Address, profile.Cap, profile.City, profile.Province);
    }

    private static DocumentCustomer Customer(Order order, OrganizationProfile? organization)
    {
        if (organization is null)
        {
            return new DocumentCustomer(order.OrganizationName, null, null, null, null, null);
        }

        var place = string.Join(' ', new[] { organization.Cap, organization.City, organization.Province is { Length: > 0 } p ? $"({p})" : null }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
        var address = string.Join(", ", new[] { organization.Street, place, organization.Country == "IT" ? null : organization.Country }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
        return new DocumentCustomer(
            organization.LegalName, organization.CodiceFiscale, organization.PartitaIva, address.Length == 0 ? null : address,
            organization.Pec, organization.RecipientCode,
            organization.Kind, organization.Street, organization.Cap, organization.City, organization.Province, organization.Country);
    }

    private static DocumentLine Line(OrderLine line) => new(
        line.Description, (Term.Find(line.Term) ?? Term.OneOff).Name.Italian, line.Quantity, line.UnitPrice, line.Net, line.VatPercent, line.Vat, line.VatNature);

    private static List<DocumentVat> VatSummary(Order order) => order.Lines
        .GroupBy(l => (l.VatPercent, l.VatNature))
        .OrderByDescending(g => g.Key.VatPercent).ThenBy(g => g.Key.VatNature)
        .Select(g => new DocumentVat(g.Key.VatPercent, g.Key.VatNature, g.Sum(l => l.Net), g.Sum(l => l.Vat)))
        .ToList();

    private DocumentPayment ToPay(Order order)
    {
        var iban = Profile.Iban;
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(order.DueUtc, tenant.Tenant.TimeZone));
        return new DocumentPayment(string.IsNullOrWhiteSpace(iban) ? null : iban, $"Ordine {order.Number}", due, null, []);
    }

    private async Task<DocumentPayment> PaidAsync(Order order, CancellationToken ct)
    {
        // The payment that completed the order is still only in the change tracker.
        var stored = await db.Payments.AsNoTracking().Where(p => p.OrderId == order.Id).ToListAsync(ct);
        var payments = stored.Concat(db.Payments.Local.Where(p => p.OrderId == order.Id)).DistinctBy(p => p.Id).OrderBy(p => p.ReceivedOn).ToList();
        return new DocumentPayment(null, null, null, payments.LastOrDefault()?.ReceivedOn, payments.Select(p => MethodName(p.Method)).Distinct().ToList());
    }

    public static string MethodName(PaymentMethod method) => method switch
    {
        PaymentMethod.Balance => "Credito prepagato",
        PaymentMethod.BankTransfer => "Bonifico bancario",
        PaymentMethod.Card => "Carta di pagamento",
        PaymentMethod.Twint => "TWINT",
        _ => "PayPal",
    };
}
