using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Pages.Area.Invoices;

/// <summary>The organization's invoices and pro-formas, newest first, each with its PDF; every member sees them.</summary>
public sealed class IndexModel(BillingDbContext db) : BillingAreaPage
{
    /// <summary>Years of documents for the busiest organization; older ones are in the back office.</summary>
    public const int MaxRows = 500;

    public sealed record Row(Guid Id, DocumentKind Kind, string Number, DateTime IssuedUtc, Guid OrderId, string OrderNumber, decimal Total, string Currency, bool HasXml);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return;
        }

        var id = Membership!.OrganizationId;
        Rows = await db.Documents.AsNoTracking().Where(d => d.OrganizationId == id)
            .OrderByDescending(d => d.IssuedUtc).ThenByDescending(d => d.Number).Take(MaxRows)
            .Select(d => new Row(d.Id, d.Kind, d.Number, d.IssuedUtc, d.OrderId, d.OrderNumber, d.Total, d.Currency,
                db.EInvoices.Any(e => e.DocumentId == d.Id && e.Status == EInvoiceStatus.Valid)))
            .ToListAsync(ct);
    }
}
