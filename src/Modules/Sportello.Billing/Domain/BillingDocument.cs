namespace Sportello.Billing.Domain;

public enum DocumentKind
{
    /// <summary>Issued when an order is placed: what to pay and how (the IBAN and the reference for a transfer).</summary>
    ProForma,

    /// <summary>Issued when an order is paid in full.</summary>
    Invoice,

    /// <summary>Corrects an invoice (a refund): it references the invoice, which is never edited.</summary>
    CreditNote,
}

/// <summary>
/// An issued pro-forma or invoice. Everything it shows is copied into <see cref="Content"/> when it is issued (the
/// tenant's legal data, the customer's fiscal data, the lines and totals), so a later change to the profile, the
/// organization or the catalog never alters it; corrections come as credit notes, not edits.
/// </summary>
public sealed class BillingDocument
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DocumentKind Kind { get; init; }

    /// <summary><c>2026-000042</c>: gapless per tenant, year and kind.</summary>
    public required string Number { get; init; }

    public Guid OrderId { get; init; }

    public required string OrderNumber { get; init; }

    public Guid OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public DateTime IssuedUtc { get; init; }

    public required string Currency { get; init; }

    public decimal Net { get; init; }

    public decimal Vat { get; init; }

    public decimal Total { get; init; }

    /// <summary>The <see cref="DocumentContent"/> as JSON: what the PDF is drawn from.</summary>
    public required string Content { get; init; }

    public static string CounterOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Invoice => DocumentKinds.Invoice,
        DocumentKind.CreditNote => DocumentKinds.CreditNote,
        _ => DocumentKinds.ProForma,
    };
}
