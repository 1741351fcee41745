using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Billing.Pdf;
using Sportello.Core.Security;

namespace Sportello.Billing.Pages.Admin.Billing.Invoices;

[RequirePermission(BillingPermissions.View)]
public sealed class PdfModel(DocumentFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid documentId, CancellationToken ct) =>
        await files.PdfAsync(documentId, null, ct) is { } pdf ? pdf : NotFound();
}
