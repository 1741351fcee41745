using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sportello.Core.Events;

namespace Sportello.Core.Storage;

/// <summary>
/// Base of every module's DbContext: it works on the current tenant's store and carries the outbox, so an
/// event raised with <see cref="Raise"/> is saved in the same transaction as the change that caused it.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>Records an event; it is written by the next SaveChanges and dispatched once that commits.</summary>
    public void Raise(IDomainEvent domainEvent)
    {
        var type = domainEvent.GetType();
        Outbox.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = DomainEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(domainEvent, type, SportelloJson.Options),
            OccurredUtc = TimeProviderOrSystem().GetUtcNow().UtcDateTime,
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcDateTimeConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Type).HasMaxLength(256);
        });
    }

    // Tests move the clock through the application's TimeProvider; EF knows the application's services.
    private TimeProvider TimeProviderOrSystem() =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
}
