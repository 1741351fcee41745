using Microsoft.EntityFrameworkCore;

namespace Sportello.Core.Audit;

/// <summary>The audit log's table as every tenant context maps it.</summary>
public static class AuditModel
{
    public const int MaxDetails = 4000;

    public static ModelBuilder ConfigureAudit(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.ActorKind).HasMaxLength(16);
            e.Property(a => a.ActorId).HasMaxLength(64);
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.SubjectType).HasMaxLength(50);
            e.Property(a => a.SubjectId).HasMaxLength(64);
            e.Property(a => a.SubjectName).HasMaxLength(256);
            e.Property(a => a.OrganizationId).HasMaxLength(64);
            e.Property(a => a.Details).HasMaxLength(MaxDetails);
        });
}
