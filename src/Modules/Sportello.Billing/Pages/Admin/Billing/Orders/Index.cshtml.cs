using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Security;

namespace Sportello.Billing.Pages.Admin.Billing.Orders;

/// <summary>Every organization's orders, newest first, filtered by status and by number or organization name.</summary>
[RequirePermission(BillingPermissions.View)]
public sealed class IndexModel(BillingDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Number, OrderKind Kind, DateTime PlacedUtc, Guid OrganizationId, string Organization, string? Agreement, decimal Total, string Currency, OrderStatus Status);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public OrderStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var orders = db.Orders.AsNoTracking();
        if (Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            var lower = text.ToLowerInvariant();
            orders = orders.Where(o => o.Number == text || o.Number.EndsWith("-" + text.PadLeft(6, '0')) || o.OrganizationName.ToLower().Contains(lower));
        }

        var rows = await orders.OrderByDescending(o => o.PlacedUtc).ThenByDescending(o => o.Number)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(o => new Row(o.Id, o.Number, o.Kind, o.PlacedUtc, o.OrganizationId, o.OrganizationName, o.AgreementName, o.Total, o.Currency, o.Status))
            .ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
