using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sportello.Core.Events;

/// <summary>The outbox as seen by any tenant DbContext: its mapping, and how an event is put into it.</summary>
public static class OutboxModel
{
    /// <summary>Maps the outbox table; call it from OnModelCreating of every context that raises events.</summary>
    public static ModelBuilder ConfigureOutbox(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Type).HasMaxLength(256);
        });

    /// <summary>Records an event; it is written by the next SaveChanges, in its transaction, and dispatched once that commits.</summary>
    public static void Raise(this DbContext db, IDomainEvent domainEvent)
    {
        var type = domainEvent.GetType();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = DomainEventTypes.NameOf(type),
            Payload = JsonSerializer.Serialize(domainEvent, type, SportelloJson.Events),
            OccurredUtc = Clock(db).GetUtcNow().UtcDateTime,
        });
    }

    // Tests move the clock through the application's TimeProvider; EF knows the application's services.
    private static TimeProvider Clock(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
}
