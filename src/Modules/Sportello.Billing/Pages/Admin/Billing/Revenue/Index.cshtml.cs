using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Billing.Domain;
using Sportello.Core.Audit;
using Sportello.Core.Finance;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Pages.Admin.Billing.Revenue;

/// <summary>Invoiced revenue per month of a year: a bar chart drawn on the server (no script), the table, and a CSV.</summary>
[RequirePermission(BillingPermissions.View)]
public sealed class IndexModel(RevenueReport report, Domain.Catalog catalog, TenantContext tenant, TimeProvider clock) : PageModel
{
    public const double ChartWidth = 720;
    public const double ChartHeight = 220;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<RevenueMonth> Months { get; private set; } = [];
    public Currency Currency => catalog.Currency;
    public decimal Highest => Months.Count == 0 ? 0 : Months.Max(m => m.Total);

    /// <summary>A bar's height in the chart, the tallest month filling it.</summary>
    public double BarHeight(RevenueMonth month) => Highest <= 0 ? 0 : (double)(month.Total / Highest) * (ChartHeight - 30);

    public string MonthName(int month) => CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedMonthName(month);

    public string Amount(decimal amount) => new Money(amount, Currency).ToString(CultureInfo.CurrentUICulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShownYear = YearShown();
        Months = await report.OfAsync(ShownYear, ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        ShownYear = YearShown();
        var months = await report.OfAsync(ShownYear, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"ricavi-{ShownYear}.csv\"";
        await using var csv = CsvWriter.Create(Response.Body, AuditCsv.Options, leaveOpen: true);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        csv.WriteHeader(english ? ["Month", "Invoices", "Net", "VAT", "Total", "Currency"] : ["Mese", "Fatture", "Imponibile", "IVA", "Totale", "Valuta"]);
        foreach (var m in months)
        {
            await csv.WriteRecordAsync(
            [
                $"{ShownYear}-{m.Month:00}", m.Invoices.ToString(CultureInfo.InvariantCulture),
                // Decimal commas for Italian spreadsheets, points for English ones: the separator is ';' either way.
                m.Net.ToString("0.00", CultureInfo.CurrentUICulture), m.Vat.ToString("0.00", CultureInfo.CurrentUICulture),
                m.Total.ToString("0.00", CultureInfo.CurrentUICulture), Currency.Code,
            ], ct);
        }

        await csv.FlushAsync(ct);
        return new EmptyResult();
    }

    private int YearShown()
    {
        var current = tenant.Tenant.Today(clock).Year;
        return Year is { } year && year >= 2000 && year <= current + 1 ? year : current;
    }
}
