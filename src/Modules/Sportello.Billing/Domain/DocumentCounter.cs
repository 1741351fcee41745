namespace Sportello.Billing.Domain;

/// <summary>The last number given to a kind of document (order, pro-forma, invoice) in a year.</summary>
public sealed class DocumentCounter
{
    public required string Kind { get; init; }

    public int Year { get; init; }

    public int Last { get; set; }
}

public static class DocumentKinds
{
    public const string Order = "order";
    public const string ProForma = "proforma";
    public const string Invoice = "invoice";
    public const string CreditNote = "credit-note";

    /// <summary>E-invoice files: one sequence per tenant over all years, as the exchange system wants file names never reused.</summary>
    public const string EInvoiceFile = "einvoice-file";
}
