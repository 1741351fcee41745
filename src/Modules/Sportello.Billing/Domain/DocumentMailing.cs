using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Mail;
using Sportello.Core.Events;
using Sportello.Core.Tenancy;
using Sportello.Mail;
using Sportello.Organizations;

namespace Sportello.Billing.Domain;

/// <summary>
/// Writes to the organization's invoice contacts when a document is issued, after the commit: a mail server that is
/// down delays the e-mail, never the payment. A repeat after a crash may send it twice, which is the lesser harm.
/// </summary>
internal sealed class DocumentMailing(BillingDbContext db, IOrganizationDirectory organizations, IMailSender mail, TenantLinks links)
    : IDomainEventHandler<DocumentIssued>
{
    public async Task HandleAsync(DocumentIssued issued, EventContext context, CancellationToken ct)
    {
        if (await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == issued.DocumentId, ct) is not { } document)
        {
            return;
        }

        var language = (await organizations.FindAsync(document.OrganizationId, ct))?.Language;
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "it-IT");
        // Under split payment the body pays the seller the net amount; the VAT goes to the State.
        var payable = Documents.Read(document).SplitPayment ? document.Net : document.Total;
        var total = new Sportello.Core.Finance.Money(payable, Sportello.Core.Finance.Currency.Parse(document.Currency)).ToString(culture);
        foreach (var contact in await organizations.ContactsAsync(document.OrganizationId, ContactPurpose.Invoices, ct))
        {
            await mail.SendAsync(DocumentMail.Key, contact.Email, contact.DisplayName, new Dictionary<string, object?>
            {
                ["name"] = contact.DisplayName,
                ["invoice"] = document.Kind == DocumentKind.Invoice,
                ["number"] = document.Number,
                ["order"] = document.OrderNumber,
                ["total"] = total,
                ["organization"] = document.OrganizationName,
                ["link"] = links.To("/area/invoices"),
            }, culture, ct);
        }
    }
}
