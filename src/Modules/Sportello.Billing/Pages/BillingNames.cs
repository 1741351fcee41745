using Sportello.Billing.Domain;

namespace Sportello.Billing.Pages;

/// <summary>States and kinds in words (Italian: the localizer's keys), for the customer area and the back office alike.</summary>
public static class BillingNames
{
    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => "In attesa di pagamento",
        OrderStatus.Paid => "Pagato",
        OrderStatus.InProvisioning => "In attivazione",
        OrderStatus.Completed => "Completato",
        OrderStatus.Cancelled => "Annullato",
        OrderStatus.Expired => "Scaduto",
        _ => "In verifica",
    };

    public static string Of(OrderKind kind) => kind switch
    {
        OrderKind.FirstPurchase => "Primo acquisto",
        OrderKind.Renewal => "Rinnovo",
        OrderKind.Upgrade => "Potenziamento",
        _ => "Ricarica",
    };

    public static string Of(ServiceStatus status) => status switch
    {
        ServiceStatus.ToActivate => "Da attivare",
        ServiceStatus.Active => "Attivo",
        ServiceStatus.Suspended => "Sospeso",
        ServiceStatus.Terminated => "Cessato",
        _ => "Annullato",
    };

    public static string Of(EventOutcome outcome) => outcome switch
    {
        EventOutcome.Applied => "Applicato",
        EventOutcome.Ignored => "Ignorato",
        _ => "Da verificare",
    };

    public static string Tone(EventOutcome outcome) => outcome switch
    {
        EventOutcome.Applied => "running",
        EventOutcome.Ignored => "disabled",
        _ => "waiting",
    };

    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Invoice => "Fattura",
        DocumentKind.CreditNote => "Nota di credito",
        _ => "Pro forma",
    };

    public static string Of(EInvoiceTransmission transmission) => transmission switch
    {
        EInvoiceTransmission.ToSend => "Da inviare",
        EInvoiceTransmission.Sent => "Inviata",
        EInvoiceTransmission.Delivered => "Consegnata",
        EInvoiceTransmission.Rejected => "Scartata",
        _ => "Bloccata: da correggere",
    };

    public static string Of(PaymentMethod method) => method switch
    {
        PaymentMethod.Balance => "Credito prepagato",
        PaymentMethod.BankTransfer => "Bonifico",
        PaymentMethod.Card => "Carta",
        PaymentMethod.Twint => "TWINT",
        _ => "PayPal",
    };

    /// <summary>The words on the button that pays with a provider method.</summary>
    public static string PayWith(PaymentMethod method) => method switch
    {
        PaymentMethod.Card => "Paga con carta",
        PaymentMethod.Twint => "Paga con TWINT",
        _ => "Paga con PayPal",
    };

    public static string Of(BalanceEntryKind kind) => kind switch
    {
        BalanceEntryKind.TopUp => "Ricarica",
        BalanceEntryKind.Payment => "Pagamento",
        BalanceEntryKind.Refund => "Rimborso",
        BalanceEntryKind.Adjustment => "Rettifica",
        _ => "Cashback",
    };

    /// <summary>The CSS state of a badge: what needs the customer, what is done, what stopped.</summary>
    public static string Tone(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment or OrderStatus.HeldForReview => "waiting",
        OrderStatus.Completed or OrderStatus.Paid or OrderStatus.InProvisioning => "running",
        _ => "disabled",
    };

    public static string Tone(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "running",
        ServiceStatus.ToActivate => "waiting",
        _ => "disabled",
    };
}
