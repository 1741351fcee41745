using Microsoft.AspNetCore.Mvc;
using Sportello.Billing.FatturaPa;

namespace Sportello.Billing.Pages.Area.Invoices;

/// <summary>The copy of an e-invoice for the organization the user acts for; another organization's, or a file that failed its checks, is not found.</summary>
public sealed class XmlModel(EInvoiceFiles files) : BillingAreaPage
{
    public async Task<IActionResult> OnGetAsync(Guid documentId, CancellationToken ct) =>
        await LoadMembershipAsync(ct) && await files.XmlAsync(documentId, Membership!.OrganizationId, ct) is { } xml ? xml : NotFound();
}
