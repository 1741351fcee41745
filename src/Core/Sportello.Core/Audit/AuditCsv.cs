using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Audit;

/// <summary>
/// The audit log as a CSV file for a spreadsheet: semicolons and a byte order mark, as Italian Excel expects, times in
/// the tenant's zone, and any cell that starts like a formula (<c>= + - @</c>) escaped so it is shown, never run.
/// </summary>
public static class AuditCsv
{
    /// <summary>Rows an export holds at most; a narrower filter gets the rest.</summary>
    public const int MaxRows = 100_000;

    public static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    /// <param name="withAddresses">False for customers' exports: the addresses staff acted from are the tenant's to know.</param>
    public static async Task WriteAsync(Stream output, IQueryable<AuditEntry> entries, Tenant tenant, AuditActionCatalog actions, CultureInfo culture, CancellationToken ct, bool withAddresses = true)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(culture.TwoLetterISOLanguageName == "en"
            ? ["When", "Who", "Kind", "Address", "Action", "Action key", "Subject", "Subject id", "Organization", "Details"]
            : ["Quando", "Chi", "Tipo", "Indirizzo", "Azione", "Chiave azione", "Oggetto", "Id oggetto", "Organizzazione", "Dettagli"]);
        await foreach (var entry in AuditFilter.Newest(entries).Take(MaxRows).AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            // Asynchronous: the writer flushes its buffer as it fills, and a response body takes no synchronous writes.
            await csv.WriteRecordAsync(
            [
                tenant.Local(entry.OccurredUtc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                entry.ActorName,
                entry.ActorKind,
                withAddresses ? entry.IpAddress ?? string.Empty : string.Empty,
                actions.Display(entry.Action, culture),
                entry.Action,
                entry.SubjectName ?? entry.SubjectType ?? string.Empty,
                entry.SubjectId ?? string.Empty,
                entry.OrganizationId ?? string.Empty,
                entry.DetailText(),
            ], ct);
        }

        await csv.FlushAsync(ct);
    }
}
