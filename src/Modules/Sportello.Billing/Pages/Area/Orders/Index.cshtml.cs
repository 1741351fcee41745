using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Pages.Area.Orders;

/// <summary>The organization's orders, newest first, a page at a time: number, kind, date, agreement, cost and status.</summary>
public sealed class IndexModel(BillingDbContext db) : BillingAreaPage
{
    public const int PageSize = 25;

    public sealed record Row(Guid Id, string Number, OrderKind Kind, DateTime PlacedUtc, string? Agreement, decimal Total, string Currency, OrderStatus Status);

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return;
        }

        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var id = Membership!.OrganizationId;
        var rows = await db.Orders.AsNoTracking().Where(o => o.OrganizationId == id)
            .OrderByDescending(o => o.PlacedUtc).ThenByDescending(o => o.Number)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(o => new Row(o.Id, o.Number, o.Kind, o.PlacedUtc, o.AgreementName, o.Total, o.Currency, o.Status))
            .ToListAsync(ct);
        HasNext = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
