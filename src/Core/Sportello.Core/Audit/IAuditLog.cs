using Microsoft.EntityFrameworkCore;

namespace Sportello.Core.Audit;

/// <summary>The tenant's one audit log, for every module.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Adds the entry to <paramref name="db"/> (any tenant context: they all map the log); it is written by the next
    /// SaveChanges, in the same transaction as the change it describes.
    /// </summary>
    AuditEntry Add(DbContext db, AuditRecord record);

    /// <summary>Writes the entry now, on its own.</summary>
    Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken ct = default);
}
