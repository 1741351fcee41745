using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.FatturaPa;
using Sportello.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Pages.Admin.Billing.EInvoices;

/// <summary>
/// A month's FatturaPA files, those failing their checks first with the reasons; each file's XML, the month's ZIP,
/// and recording that a file was uploaded to the exchange system by hand.
/// </summary>
[RequirePermission(BillingPermissions.View)]
public sealed class IndexModel(
    BillingDbContext db, EInvoicing einvoicing, EInvoiceFiles files, TenantContext tenant, TimeProvider clock, IAuthorizationService authorization)
    : PageModel
{
    public sealed record Row(
        Guid Id, Guid DocumentId, DocumentKind Kind, string Number, DateTime IssuedUtc, string Organization, string Format, string FileName,
        EInvoiceStatus Status, string? Problems, EInvoiceTransmission Transmission, string? Reference);

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public int Year { get; private set; }
    public int MonthNumber { get; private set; }
    public bool Enabled => einvoicing.Enabled;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool MayRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pick();
        var (from, to) = files.Month(Year, MonthNumber);
        Rows = await db.EInvoices.AsNoTracking()
            .Where(e => e.IssuedUtc >= from && e.IssuedUtc < to)
            .OrderBy(e => e.Status == EInvoiceStatus.Valid).ThenByDescending(e => e.Sequence)
            .Select(e => new Row(e.Id, e.DocumentId, e.DocumentKind, e.DocumentNumber, e.IssuedUtc, e.OrganizationName, e.Format, e.FileName,
                e.Status, e.Problems, e.Transmission, e.TransmissionReference))
            .ToListAsync(ct);
        MayRecord = await MayChangeAsync();
    }

    public async Task<IActionResult> OnGetZipAsync(CancellationToken ct)
    {
        Pick();
        return await files.MonthAsync(Year, MonthNumber, ct);
    }

    public async Task<IActionResult> OnPostSentAsync(Guid id, string? reference, CancellationToken ct)
    {
        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        try
        {
            await einvoicing.MarkSentAsync(id, reference, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone recorded it at the same moment: the list shows what stands.
        }

        return RedirectToPage(new { Month });
    }

    public async Task<IActionResult> OnPostRewriteAsync(Guid id, CancellationToken ct)
    {
        if (!await MayChangeAsync())
        {
            return Forbid();
        }

        try
        {
            await einvoicing.RewriteAsync(id, ct);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (DbUpdateConcurrencyException)
        {
        }

        return RedirectToPage(new { Month });
    }

    // Recording a transmission, or writing a file again, is bookkeeping like registering a transfer.
    private async Task<bool> MayChangeAsync() => (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.PolicyFor(BillingPermissions.Payments))).Succeeded;

    private void Pick()
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, tenant.Tenant.TimeZone);
        (Year, MonthNumber) = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var picked)
            && picked.Year is >= 2000 and <= 2200
            ? (picked.Year, picked.Month)
            : (today.Year, today.Month);
        Month = $"{Year:0000}-{MonthNumber:00}";
    }
}
