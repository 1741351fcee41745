namespace Sportello.Core.Audit;

/// <summary>What the kernel itself writes to a tenant's audit log.</summary>
public static class KernelAuditActions
{
    public const string AuditExported = "kernel.audit-exported";
    public const string JobRunRequested = "kernel.job-run-requested";
    public const string FilesPurged = "kernel.files-purged";
    public const string FileDeleted = "kernel.file-deleted";

    public static IReadOnlyList<AuditAction> All { get; } =
    [
        new(AuditExported, new("Registro attività esportato", "Audit log exported")),
        new(JobRunRequested, new("Attività pianificata avviata a mano", "Scheduled job started by hand")),
        new(FilesPurged, new("File scaduti eliminati", "Expired files deleted")),
        new(FileDeleted, new("File eliminato", "File deleted")),
    ];
}
