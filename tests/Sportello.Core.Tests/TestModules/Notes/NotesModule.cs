using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Events;
using Sportello.Core.Hosting;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Tests.TestModules.Notes;

/// <summary>A tiny module with data, migrations, events and endpoints, to exercise the kernel from the outside.</summary>
public sealed class NotesModule : Sportello.Core.Modules.Module
{
    public override string Id => "notes";
    public override string Name => "Notes";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<NotesDbContext>();
        services.AddSingleton<NoteLog>();
        Handle<NoteAdded, RecordNoteAdded>(services);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/notes", async (NotesDbContext db) =>
            await db.Notes.OrderBy(n => n.Key).Select(n => new { n.Key, n.Text, n.Pinned }).ToListAsync());

        endpoints.MapPost("/api/notes", async (NotesDbContext db, NoteInput input) =>
        {
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Key = input.Key, Text = input.Text });
            db.Raise(new NoteAdded(input.Key));
            await db.SaveChangesAsync();
            return Results.Created($"/api/notes/{input.Key}", input);
        });

        endpoints.MapGet("/api/boom", string () => throw new InvalidOperationException("secret detail of an API failure"));
        endpoints.MapGet("/boom", string () => throw new InvalidOperationException("secret detail of a page failure"));
        endpoints.MapGet("/whoami", (TenantContext tenant) => tenant.Name);
    }
}

public sealed record NoteInput(string Key, string Text);

public sealed class Note
{
    public Guid Id { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
    public bool Pinned { get; set; }
}

public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : TenantDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Note>().ToTable("Notes_Items");
    }
}

[Sportello.Core.Events.DomainEvent("notes.note-added")]
public sealed record NoteAdded(string Key) : Sportello.Core.Events.IDomainEvent;

/// <summary>What the event handler saw, per tenant; FailuresLeft makes the next deliveries throw.</summary>
public sealed class NoteLog
{
    public System.Collections.Concurrent.ConcurrentQueue<(string Tenant, string Key)> Seen { get; } = new();

    public int FailuresLeft;
}

internal sealed class RecordNoteAdded(NoteLog log, TenantContext tenant) : Sportello.Core.Events.IDomainEventHandler<NoteAdded>
{
    public Task HandleAsync(NoteAdded domainEvent, Sportello.Core.Events.EventContext context, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("handler failure requested by the test");
        }

        log.Seen.Enqueue((tenant.Name, domainEvent.Key));
        return Task.CompletedTask;
    }
}
