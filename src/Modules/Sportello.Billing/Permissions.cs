using Sportello.Core.Modules;

namespace Sportello.Billing;

/// <summary>
/// What the tenant's staff may do with money. What members may do with their own organization's orders is a product
/// right (<see cref="BillingRights"/>), decided by their role there.
/// </summary>
public static class BillingPermissions
{
    /// <summary>Read every organization's orders, services, payments and balances.</summary>
    public const string View = "billing.view";

    /// <summary>Cancel, hold and release orders.</summary>
    public const string Orders = "billing.orders";

    /// <summary>Register bank transfers and adjust balances, with a reason.</summary>
    public const string Payments = "billing.payments";

    /// <summary>Products, prices and agreements.</summary>
    public const string Catalog = "billing.catalog";

    /// <summary>The billing rules, the legal data on documents and the payment providers' keys.</summary>
    public const string Settings = "billing.settings";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Vedere ordini e pagamenti", "Leggere ordini, servizi, pagamenti e saldi di tutte le organizzazioni.", DefaultGrant.Operator),
        new(Orders, "Gestire gli ordini", "Annullare, sospendere per verifica e rilasciare gli ordini.", DefaultGrant.Operator),
        new(Payments, "Registrare pagamenti", "Registrare i bonifici ricevuti e rettificare i saldi prepagati, sempre con un motivo.", DefaultGrant.Operator),
        new(Catalog, "Gestire il catalogo", "Prodotti, prezzi per durata e convenzioni.", DefaultGrant.None),
        new(Settings, "Impostare la fatturazione", "Giorni per pagare, dati legali sui documenti e chiavi dei gestori di pagamento.", DefaultGrant.None),
    ];
}

/// <summary>
/// What a member may do with the organization's billing, granted like every product right. Every member sees the
/// orders, services, invoices and balance; paying is a right.
/// </summary>
public static class BillingRights
{
    public const string Area = "billing";

    /// <summary>Order, pay, cancel a pending order, top up the balance, manage saved payment methods.</summary>
    public const string Pay = "billing.pay";
}
