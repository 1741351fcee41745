namespace Sportello.Billing.Domain;

/// <summary>A valid e-invoice file, as a channel hands it to the exchange system.</summary>
public sealed record EInvoiceFile(Guid Id, string FileName, string Format, byte[] Content);

/// <summary>What the channel answered: the exchange system's identifier of the file, or why it was not taken.</summary>
public sealed record EInvoiceReceipt(bool Sent, string? Reference, string? Error);

/// <summary>
/// The way to the exchange system (SdI): an accredited intermediary's API, SDICoop or SFTP. None ships: without one,
/// valid files wait as "da inviare" for an operator to upload them and record it. A channel is called after the file
/// is stored, at most once per file unless it answered that it did not send; it must treat a repeat of the same file
/// name as the same file.
/// </summary>
public interface IEInvoiceChannel
{
    Task<EInvoiceReceipt> SendAsync(EInvoiceFile file, CancellationToken ct);
}
