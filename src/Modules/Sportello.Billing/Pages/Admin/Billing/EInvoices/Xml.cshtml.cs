using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Billing.FatturaPa;
using Sportello.Core.Security;

namespace Sportello.Billing.Pages.Admin.Billing.EInvoices;

[RequirePermission(BillingPermissions.View)]
public sealed class XmlModel(EInvoiceFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid documentId, CancellationToken ct) =>
        await files.XmlAsync(documentId, null, ct) is { } xml ? xml : NotFound();
}
