namespace Sportello.Billing.Domain;

public enum EInvoiceStatus
{
    /// <summary>Passed the schema and the exchange system's common checks.</summary>
    Valid,

    /// <summary>Failed them: kept with the reasons for an operator, never transmitted.</summary>
    Invalid,
}

/// <summary>Where the file stands with the exchange system (SdI).</summary>
public enum EInvoiceTransmission
{
    /// <summary>Valid, waiting for a channel or for an operator to upload it.</summary>
    ToSend,

    /// <summary>Handed to the exchange system (by a channel, or uploaded by an operator who said so).</summary>
    Sent,

    /// <summary>The exchange system delivered it to the buyer, or left it in the buyer's tax drawer.</summary>
    Delivered,

    /// <summary>The exchange system refused it (a scarto): a corrected document is needed.</summary>
    Rejected,

    /// <summary>Invalid: nothing to send.</summary>
    Blocked,
}

/// <summary>The FatturaPA file of an invoice or a credit note: written once from the frozen document, checked before it is kept.</summary>
public sealed class EInvoice
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid DocumentId { get; init; }

    public DocumentKind DocumentKind { get; init; }

    public required string DocumentNumber { get; init; }

    public Guid OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    /// <summary>When the document was issued: the month the monthly archive files it under.</summary>
    public DateTime IssuedUtc { get; init; }

    /// <summary><c>FPR12</c> or <c>FPA12</c>.</summary>
    public required string Format { get; set; }

    /// <summary>The tenant's file number, over all years: the progressive of the file name and of the transmission.</summary>
    public long Sequence { get; init; }

    /// <summary><c>IT{partita IVA}_{progressive}.xml</c>, never reused by the tenant.</summary>
    public required string FileName { get; set; }

    public required string Xml { get; set; }

    public EInvoiceStatus Status { get; set; }

    /// <summary>The schema's messages and the failed checks, one per line, when invalid.</summary>
    public string? Problems { get; set; }

    public EInvoiceTransmission Transmission { get; set; }

    /// <summary>The exchange system's identifier of the file, or an operator's note, once sent.</summary>
    public string? TransmissionReference { get; set; }

    public DateTime? TransmittedUtc { get; set; }

    public DateTime CreatedUtc { get; init; }

    public int Version { get; set; }
}
