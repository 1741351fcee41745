using Sportello.Core.Events;

namespace Sportello.Billing.Domain;

/// <summary>Writes the e-invoice after the document's commit, so a failing file never holds up the payment that issued it.</summary>
internal sealed class EInvoiceWriting(EInvoicing einvoicing) : IDomainEventHandler<DocumentIssued>
{
    public Task HandleAsync(DocumentIssued issued, EventContext context, CancellationToken ct) => einvoicing.WriteAsync(issued.DocumentId, ct);
}
