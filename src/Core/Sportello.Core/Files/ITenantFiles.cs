namespace Sportello.Core.Files;

/// <summary>
/// Files in the tenant's own store, so they travel with its backups, are the same on every node and go when the
/// tenant goes. Every upload is checked (size, content against name, accepted kinds) before anything is written.
/// </summary>
public interface ITenantFiles
{
    /// <summary>Stores the upload; refuses it with <see cref="Validation.SportelloValidationException"/> naming the limit or the kind, storing nothing.</summary>
    Task<TenantFile> SaveAsync(FileUpload upload, CancellationToken ct = default);

    Task<TenantFile?> FindAsync(Guid id, CancellationToken ct = default);

    Task<byte[]?> ReadAsync(Guid id, CancellationToken ct = default);

    /// <summary>Deletes a file at a decision (a check approved, a contract replaced), with the reason in the audit log.</summary>
    Task<bool> DeleteAsync(Guid id, string reason, CancellationToken ct = default);

    /// <summary>Deletes the files whose retention has passed, each audited; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken ct = default);
}
