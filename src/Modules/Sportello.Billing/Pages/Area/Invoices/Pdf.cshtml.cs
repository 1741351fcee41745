using Microsoft.AspNetCore.Mvc;
using Sportello.Billing.Pdf;

namespace Sportello.Billing.Pages.Area.Invoices;

/// <summary>A document of the organization the user acts for, as a PDF; another organization's is not found.</summary>
public sealed class PdfModel(DocumentFiles files) : BillingAreaPage
{
    public async Task<IActionResult> OnGetAsync(Guid documentId, CancellationToken ct) =>
        await LoadMembershipAsync(ct) && await files.PdfAsync(documentId, Membership!.OrganizationId, ct) is { } pdf ? pdf : NotFound();
}
