namespace Sportello.Billing.Domain;

/// <summary>What a pro-forma or an invoice says, frozen when it is issued.</summary>
/// <param name="IssuedOn">The date of issue in the tenant's time zone.</param>
/// <param name="Payment">How to pay (a pro-forma) or how it was paid (an invoice).</param>
public sealed record DocumentContent(
    DocumentKind Kind,
    string Number,
    DateOnly IssuedOn,
    string OrderNumber,
    string? AgreementName,
    DocumentIssuer Issuer,
    DocumentCustomer Customer,
    IReadOnlyList<DocumentLine> Lines,
    IReadOnlyList<DocumentVat> VatSummary,
    string Currency,
    decimal Net,
    decimal Vat,
    decimal Total,
    DocumentPayment Payment,
    bool SplitPayment = false,
    DocumentReference? Refers = null,
    string? Cig = null,
    string? Cup = null);

/// <summary>The invoice a credit note corrects.</summary>
public sealed record DocumentReference(string Number, DateOnly IssuedOn);

/// <summary>The reseller issuing the document: its billing profile, and its brand (name and colour) for the heading.</summary>
/// <param name="Address">The address as printed; <paramref name="Street"/> and the rest are its parts, for the e-invoice.</param>
public sealed record DocumentIssuer(
    string LegalName, string PartitaIva, string Address, string Rea, string RegimeFiscale, string Brand, string Color, string? SupportEmail,
    string? Street = null, string? Cap = null, string? City = null, string? Province = null);

/// <summary>The organization billed, from its fiscal data when the document was issued.</summary>
/// <param name="Address">The address as printed; <paramref name="Street"/> and the rest are its parts, for the e-invoice.</param>
/// <param name="RecipientCode">The SDI recipient code (7 characters) or, for a public body, its office code (6).</param>
public sealed record DocumentCustomer(
    string LegalName, string? CodiceFiscale, string? PartitaIva, string? Address, string? Pec, string? RecipientCode,
    Organizations.OrganizationKind? Kind = null, string? Street = null, string? Cap = null, string? City = null, string? Province = null, string? Country = null);

/// <param name="Term">The term's Italian name, as the document prints it.</param>
public sealed record DocumentLine(string Description, string Term, int Quantity, decimal UnitPrice, decimal Net, decimal VatPercent, decimal Vat, string? VatNature);

/// <summary>The taxable amount and VAT per rate (or per exemption nature), as Italian invoices summarize them.</summary>
public sealed record DocumentVat(decimal VatPercent, string? VatNature, decimal Net, decimal Vat);

/// <param name="Iban">Where to transfer the money (pro-forma only).</param>
/// <param name="Reference">What to write in the transfer's description, so an operator matches it to the order.</param>
/// <param name="DueOn">Until when the order waits for the money (pro-forma only).</param>
/// <param name="PaidOn">The day the last payment arrived (invoice only).</param>
/// <param name="Methods">How it was paid, in Italian, one per payment (invoice only).</param>
public sealed record DocumentPayment(string? Iban, string? Reference, DateOnly? DueOn, DateOnly? PaidOn, IReadOnlyList<string> Methods);
