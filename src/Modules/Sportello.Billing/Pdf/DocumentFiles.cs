using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Pdf;

/// <summary>A document's PDF as a download, drawn again from its frozen content each time (the bytes are the same).</summary>
public sealed class DocumentFiles(BillingDbContext db)
{
    /// <param name="organizationId">The organization the reader acts for; another's document is not found. Null for operators.</param>
    public async Task<IActionResult?> PdfAsync(Guid documentId, Guid? organizationId, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && (organizationId == null || d.OrganizationId == organizationId), ct);
        return document is null
            ? null
            : new FileContentResult(DocumentPdf.Render(Domain.Documents.Read(document)), "application/pdf")
            {
                FileDownloadName = DocumentPdf.FileName(document.Kind, document.Number),
            };
    }
}
