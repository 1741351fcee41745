using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Domain;

/// <summary>One month of invoiced revenue: invoices issued, taxable amount, VAT and total, in the tenant's currency.</summary>
public sealed record RevenueMonth(int Month, int Invoices, decimal Net, decimal Vat, decimal Total);

/// <summary>
/// Revenue per month of a year, from the invoices issued (what was sold and paid; top-ups count when the balance is
/// spent), by the month of issue in the tenant's time zone.
/// </summary>
public sealed class RevenueReport(BillingDbContext db, TenantContext tenant)
{
    public async Task<IReadOnlyList<RevenueMonth>> OfAsync(int year, CancellationToken ct)
    {
        var zone = tenant.Tenant.TimeZone;
        var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        var invoices = await db.Documents.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Invoice && d.IssuedUtc >= from && d.IssuedUtc < to)
            .Select(d => new { d.IssuedUtc, d.Net, d.Vat, d.Total })
            .ToListAsync(ct);
        var byMonth = invoices.ToLookup(i => TimeZoneInfo.ConvertTimeFromUtc(i.IssuedUtc, zone).Month);
        return Enumerable.Range(1, 12)
            .Select(m => new RevenueMonth(m, byMonth[m].Count(), byMonth[m].Sum(i => i.Net), byMonth[m].Sum(i => i.Vat), byMonth[m].Sum(i => i.Total)))
            .ToList();
    }
}
