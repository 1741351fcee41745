using Microsoft.EntityFrameworkCore;
using Sportello.Core.Events;

namespace Sportello.Core.Storage;

/// <summary>
/// Convenient base of a module's DbContext: UTC dates and the outbox mapped, so <c>db.Raise(event)</c> saves the event
/// in the same transaction as the change that caused it. A context that must derive from something else (Identity's)
/// calls <see cref="OutboxModel.ConfigureOutbox"/> and <see cref="UtcDateTimeConverter.Apply"/> itself.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcDateTimeConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ConfigureOutbox();
}
