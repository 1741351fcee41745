using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Events;

using Sportello.Core.Tests.TestModules.Notes;

namespace Sportello.Core.Tests.TestModules.NotesExtra;

/// <summary>Depends on notes, to exercise dependency closure and refusal; a second handler of notes' event, gated by this module.</summary>
public sealed class NotesExtraModule : Sportello.Core.Modules.Module
{
    public override string Id => "notes-extra";
    public override string Name => "Notes extra";
    public override IReadOnlyList<string> Dependencies => ["notes"];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ExtraLog>();
        Handle<NoteAdded, CountNoteAdded>(services);
    }
}

/// <summary>What the second handler saw, with the message ids; FailuresLeft makes its next deliveries throw.</summary>
public sealed class ExtraLog
{
    public System.Collections.Concurrent.ConcurrentQueue<(string Key, Guid MessageId)> Seen { get; } = new();

    public int FailuresLeft;
}

internal sealed class CountNoteAdded(ExtraLog log) : IDomainEventHandler<NoteAdded>
{
    public Task HandleAsync(NoteAdded domainEvent, EventContext context, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref log.FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("extra handler failure requested by the test");
        }

        log.Seen.Enqueue((domainEvent.Key, context.MessageId));
        return Task.CompletedTask;
    }
}
