using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.FatturaPa;

/// <summary>E-invoice files as downloads: one document's XML, or a month's valid files in one ZIP.</summary>
public sealed class EInvoiceFiles(BillingDbContext db, TenantContext tenant)
{
    /// <param name="organizationId">The organization the reader acts for: another's file, or one that is not valid, is not found. Null for operators.</param>
    public async Task<IActionResult?> XmlAsync(Guid documentId, Guid? organizationId, CancellationToken ct)
    {
        var invoice = await db.EInvoices.AsNoTracking()
            .FirstOrDefaultAsync(e => e.DocumentId == documentId && (organizationId == null || (e.OrganizationId == organizationId && e.Status == EInvoiceStatus.Valid)), ct);
        return invoice is null ? null : new FileContentResult(EInvoicing.Bytes(invoice), "application/xml") { FileDownloadName = invoice.FileName };
    }

    /// <summary>The valid files of the documents issued in a month of the tenant's time zone, for the accountant.</summary>
    public async Task<IActionResult> MonthAsync(int year, int month, CancellationToken ct)
    {
        var (from, to) = Month(year, month);
        var files = await db.EInvoices.AsNoTracking()
            .Where(e => e.Status == EInvoiceStatus.Valid && e.IssuedUtc >= from && e.IssuedUtc < to)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.FileName, CompressionLevel.Optimal);
                entry.LastWriteTime = file.CreatedUtc;
                await using var stream = entry.Open();
                await stream.WriteAsync(EInvoicing.Bytes(file), ct);
            }
        }

        return new FileContentResult(buffer.ToArray(), "application/zip") { FileDownloadName = $"fatture-elettroniche-{year:0000}-{month:00}.zip" };
    }

    public (DateTime From, DateTime To) Month(int year, int month)
    {
        var zone = tenant.Tenant.TimeZone;
        var first = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (Utc(first, zone), Utc(first.AddMonths(1), zone));
    }

    // Where clocks jump forward at midnight, the month starts at the first minute that exists.
    private static DateTime Utc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
