using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Security;

namespace Sportello.Billing.Pages.Admin.Billing.Invoices;

/// <summary>Every issued invoice and pro-forma, newest first, filtered by kind and by number, order or organization.</summary>
[RequirePermission(BillingPermissions.View)]
public sealed class IndexModel(BillingDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, DocumentKind Kind, string Number, DateTime IssuedUtc, Guid OrderId, string OrderNumber, string Organization, decimal Net, decimal Vat, decimal Total, string Currency);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public DocumentKind? Kind { get; set; } = DocumentKind.Invoice;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var documents = db.Documents.AsNoTracking();
        if (Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            var lower = text.ToLowerInvariant();
            var suffix = "-" + text.PadLeft(6, '0');
            documents = documents.Where(d => d.Number == text || d.Number.EndsWith(suffix) || d.OrderNumber == text || d.OrganizationName.ToLower().Contains(lower));
        }

        var rows = await documents.OrderByDescending(d => d.IssuedUtc).ThenByDescending(d => d.Number)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(d => new Row(d.Id, d.Kind, d.Number, d.IssuedUtc, d.OrderId, d.OrderNumber, d.OrganizationName, d.Net, d.Vat, d.Total, d.Currency))
            .ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
