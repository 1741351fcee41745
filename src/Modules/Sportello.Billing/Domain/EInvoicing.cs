using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Billing.Data;
using Sportello.Billing.FatturaPa;
using Sportello.Core.Audit;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Domain;

/// <summary>
/// Writes the FatturaPA file of each invoice and credit note of a seller that issues e-invoices, once per document,
/// checks it against the official schema and the exchange system's common checks before keeping it, and hands a
/// valid one to the channel when there is one. An invalid file is kept only as evidence for operators, never sent.
/// </summary>
public sealed class EInvoicing(
    BillingDbContext db, DocumentNumbers numbers, TenantContext tenant, TimeProvider clock, IEnumerable<IEInvoiceChannel> channels, IAuditLog audit,
    ILogger<EInvoicing> log)
{
    public bool Enabled => tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId).Profile.IssuesEInvoices;

    /// <summary>The schema's complaints, then the failed checks; empty for a file fit to send.</summary>
    public static IReadOnlyList<string> Check(XDocument xml, DateOnly today) => [.. FatturaPaSchema.Validate(xml), .. FatturaPaRules.Check(xml, today)];

    /// <summary>The file of the document, written now unless it was; null for a pro-forma or a seller without Italian fiscal data.</summary>
    public async Task<EInvoice?> WriteAsync(Guid documentId, CancellationToken ct)
    {
        if (await db.EInvoices.FirstOrDefaultAsync(e => e.DocumentId == documentId, ct) is { } written)
        {
            // A redelivery after a channel that failed tries the send again; the channel takes a repeat as the same file.
            await SendAsync(written, ct);
            return written;
        }

        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || document.Kind == DocumentKind.ProForma || !Enabled)
        {
            return null;
        }

        EInvoice invoice;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var sequence = await numbers.NextAsync(DocumentKinds.EInvoiceFile, 0, ct);
            var file = FatturaPaWriter.Write(Documents.Read(document), sequence.Sequence);
            var problems = Check(file.Xml, Today());
            invoice = new EInvoice
            {
                DocumentId = document.Id, DocumentKind = document.Kind, DocumentNumber = document.Number,
                OrganizationId = document.OrganizationId, OrganizationName = document.OrganizationName, IssuedUtc = document.IssuedUtc,
                Sequence = sequence.Sequence, Format = file.Format, FileName = file.FileName, Xml = Text(file.Xml), CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            Judge(invoice, problems);
            db.EInvoices.Add(invoice);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A redelivered event wrote it at the same moment: the rollback gives the file number back.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await db.EInvoices.AsNoTracking().FirstOrDefaultAsync(e => e.DocumentId == documentId, ct) is not { } other)
                {
                    throw;
                }

                return other;
            }

            await transaction.CommitAsync(ct);
        }

        await SendAsync(invoice, ct);
        return invoice;
    }

    /// <summary>Writes an invalid file again from its document (after a fix in the writer), keeping its file name, which was never sent.</summary>
    public async Task RewriteAsync(Guid id, CancellationToken ct)
    {
        var invoice = await db.EInvoices.SingleOrDefaultAsync(e => e.Id == id && e.Status == EInvoiceStatus.Invalid, ct)
            ?? throw new KeyNotFoundException("No invalid e-invoice with that id.");
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == invoice.DocumentId, ct);
        var file = FatturaPaWriter.Write(Documents.Read(document), invoice.Sequence);
        (invoice.Format, invoice.Xml) = (file.Format, Text(file.Xml));
        Judge(invoice, Check(file.Xml, Today()));
        invoice.Version++;
        audit.Add(db, Audit(invoice, BillingAuditActions.EInvoiceRewritten, new Dictionary<string, object?> { ["status"] = invoice.Status.ToString() }));
        await db.SaveChangesAsync(ct);
        await SendAsync(invoice, ct);
    }

    /// <summary>An operator uploaded the file to the exchange system by hand and records it.</summary>
    public async Task MarkSentAsync(Guid id, string? reference, CancellationToken ct)
    {
        var invoice = await db.EInvoices.SingleOrDefaultAsync(e => e.Id == id && e.Transmission == EInvoiceTransmission.ToSend, ct)
            ?? throw new KeyNotFoundException("No e-invoice waiting to be sent with that id.");
        Sent(invoice, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim()[..Math.Min(reference.Trim().Length, 100)]);
        audit.Add(db, Audit(invoice, BillingAuditActions.EInvoiceSent, new Dictionary<string, object?> { ["reference"] = invoice.TransmissionReference }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The UTF-8 bytes of a file, as downloaded or sent.</summary>
    public static byte[] Bytes(EInvoice invoice) => new UTF8Encoding(false).GetBytes(invoice.Xml);

    private async Task SendAsync(EInvoice invoice, CancellationToken ct)
    {
        if (invoice.Transmission != EInvoiceTransmission.ToSend || channels.FirstOrDefault() is not { } channel)
        {
            return;
        }

        var receipt = await channel.SendAsync(new EInvoiceFile(invoice.Id, invoice.FileName, invoice.Format, Bytes(invoice)), ct);
        if (!receipt.Sent)
        {
            log.LogWarning("E-invoice {File} was not sent: {Error}", invoice.FileName, receipt.Error);
            return;
        }

        Sent(invoice, receipt.Reference);
        await db.SaveChangesAsync(ct);
    }

    private void Sent(EInvoice invoice, string? reference)
    {
        (invoice.Transmission, invoice.TransmissionReference, invoice.TransmittedUtc) = (EInvoiceTransmission.Sent, reference, clock.GetUtcNow().UtcDateTime);
        invoice.Version++;
    }

    private static AuditRecord Audit(EInvoice invoice, string action, IReadOnlyDictionary<string, object?> details) =>
        AuditRecord.Of(action, BillingAuditActions.EInvoiceSubject, invoice.Id.ToString(), invoice.FileName) with
        {
            OrganizationId = invoice.OrganizationId.ToString(),
            Details = details,
        };

    private static void Judge(EInvoice invoice, IReadOnlyList<string> problems)
    {
        invoice.Status = problems.Count == 0 ? EInvoiceStatus.Valid : EInvoiceStatus.Invalid;
        invoice.Problems = problems.Count == 0 ? null : string.Join('\n', problems);
        invoice.Transmission = problems.Count == 0 ? EInvoiceTransmission.ToSend : EInvoiceTransmission.Blocked;
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, tenant.Tenant.TimeZone));

    private static string Text(XDocument xml) => xml.Declaration + Environment.NewLine + xml.ToString();
}
