using Sportello.Core.Audit;

namespace Sportello.Billing.Domain;

/// <summary>What Billing writes to the audit log; lifecycle moves are <c>billing.order.{trigger}</c> and <c>billing.service.{trigger}</c>.</summary>
public static class BillingAuditActions
{
    public const string OrderSubject = "order";
    public const string ServiceSubject = "service";
    public const string BalanceSubject = "balance";
    public const string CatalogSubject = "catalog";

    public const string Order = "billing.order";
    public const string Service = "billing.service";
    public const string OrderPlaced = "billing.order-placed";
    public const string PaymentRegistered = "billing.payment-registered";
    public const string PaidFromBalance = "billing.paid-from-balance";
    public const string PaidByProvider = "billing.paid-by-provider";
    public const string PaymentNeedsAttention = "billing.payment-needs-attention";
    public const string BalanceAdjusted = "billing.balance-adjusted";
    public const string ServiceRenewed = "billing.service-renewed";
    public const string ServiceFailed = "billing.service-failed";
    public const string CatalogChanged = "billing.catalog-changed";
    public const string EInvoiceSubject = "einvoice";
    public const string EInvoiceSent = "billing.einvoice-sent";
    public const string EInvoiceRewritten = "billing.einvoice-rewritten";

    public static IReadOnlyList<AuditAction> All { get; } =
    [
        new(OrderPlaced, new("Ordine creato", "Order placed")),
        new("billing.order.pay", new("Ordine pagato", "Order paid")),
        new("billing.order.provision", new("Ordine in attivazione", "Order in provisioning")),
        new("billing.order.complete", new("Ordine completato", "Order completed")),
        new("billing.order.cancel", new("Ordine annullato", "Order cancelled")),
        new("billing.order.expire", new("Ordine scaduto senza pagamento", "Order expired unpaid")),
        new("billing.order.hold", new("Ordine sospeso per verifica", "Order held for review")),
        new("billing.order.release", new("Ordine rilasciato", "Order released")),
        new(PaymentRegistered, new("Pagamento registrato", "Payment registered")),
        new(PaidFromBalance, new("Pagamento con il credito prepagato", "Paid from the prepaid balance")),
        new(PaidByProvider, new("Pagamento ricevuto dal gestore", "Payment received from the provider")),
        new(PaymentNeedsAttention, new("Pagamento da rimborsare", "Payment to refund")),
        new(BalanceAdjusted, new("Credito prepagato rettificato", "Prepaid balance adjusted")),
        new("billing.service.activate", new("Servizio attivato", "Service activated")),
        new("billing.service.suspend", new("Servizio sospeso", "Service suspended")),
        new("billing.service.reactivate", new("Servizio riattivato", "Service reactivated")),
        new("billing.service.terminate", new("Servizio cessato", "Service terminated")),
        new("billing.service.cancel", new("Servizio annullato", "Service cancelled")),
        new(ServiceRenewed, new("Servizio rinnovato", "Service renewed")),
        new(ServiceFailed, new("Attivazione del servizio non riuscita", "Service activation failed")),
        new(CatalogChanged, new("Catalogo cambiato", "Catalog changed")),
        new(EInvoiceSent, new("Fattura elettronica registrata come inviata allo SdI", "E-invoice recorded as sent to SdI")),
        new(EInvoiceRewritten, new("Fattura elettronica generata di nuovo", "E-invoice written again")),
    ];
}
