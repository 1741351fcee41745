using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Events;

namespace Sportello.Core.Storage;

/// <summary>
/// Convenient base of a module's DbContext: UTC dates, the outbox and the audit log mapped, so <c>db.Raise(event)</c> and
/// <c>audit.Add(db, …)</c> are saved in the same transaction as the change that caused them. A context that must derive from something else (Identity's)
/// calls <see cref="OutboxModel.ConfigureOutbox"/>, <see cref="AuditModel.ConfigureAudit"/> and <see cref="UtcDateTimeConverter.Apply"/> itself.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcDateTimeConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ConfigureOutbox().ConfigureAudit();
}
