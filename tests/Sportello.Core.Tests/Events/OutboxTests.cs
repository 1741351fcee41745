using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Sportello.Core.Events;
using Sportello.Core.Jobs;
using Sportello.Core.Storage;
using Sportello.Core.Tests.TestModules.Notes;
using Sportello.Core.Tests.TestModules.NotesExtra;
using Sportello.Testing;

namespace Sportello.Core.Tests.Events;

public abstract class OutboxTests(StoreKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SportelloApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SportelloApp.StartAsync(kind, provision: false, time: _time, settings: new Dictionary<string, string?>
        {
            ["Sportello:Outbox:MaxAttempts"] = "5",
        });
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("alfa", "alfa", ["notes"]));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private NoteLog Log => _app.Services.GetRequiredService<NoteLog>();

    private Task<List<OutboxMessage>> OutboxAsync() =>
        _app.InTenantAsync("alfa", sp => sp.GetRequiredService<KernelDbContext>().Outbox.AsNoTracking().ToListAsync());

    [Fact]
    public async Task An_event_is_stored_with_its_change_and_dispatched_after_commit_in_the_tenant_scope()
    {
        (await _app.ClientFor().PostAsJsonAsync("/alfa/api/notes", new NoteInput("k1", "t"))).EnsureSuccessStatusCode();

        Assert.Equal(("alfa", "k1"), Assert.Single(Log.Seen));
        var message = Assert.Single(await OutboxAsync());
        Assert.Equal("notes.note-added", message.Type); // the stable name, not the CLR type's
        Assert.NotNull(message.DispatchedUtc);
    }

    [Fact]
    public async Task An_event_committed_but_never_dispatched_is_delivered_by_the_job()
    {
        // A crash right after commit: the row is in the outbox, nobody dispatched it.
        await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<KernelDbContext>().Database.ExecuteSqlAsync(
            $"""INSERT INTO "OutboxMessages" ("Id", "Type", "Payload", "OccurredUtc", "Attempts") VALUES ({Guid.NewGuid()}, {typeof(NoteAdded).FullName}, {"{\"key\":\"orfano\"}"}, {_time.GetUtcNow().UtcDateTime}, 0)"""));
        Assert.Empty(Log.Seen);

        // Nothing on this node knows the event is pending: the job's round-robin sweep finds it.
        Assert.Empty(_app.Services.GetRequiredService<OutboxSignal>().Pending);
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new Quartz.JobKey(OutboxDispatcherJob.Key, ScheduledJobs.Group));

        // The handler runs before the message is marked delivered: wait for the mark, not for the handler.
        for (var i = 0; i < 100 && (await OutboxAsync()).Single().DispatchedUtc is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(("alfa", "orfano"), Assert.Single(Log.Seen));
        Assert.NotNull(Assert.Single(await OutboxAsync()).DispatchedUtc);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_later_and_the_event_is_not_lost()
    {
        Log.FailuresLeft = 1;
        (await _app.ClientFor().PostAsJsonAsync("/alfa/api/notes", new NoteInput("k2", "t"))).EnsureSuccessStatusCode();

        var failed = Assert.Single(await OutboxAsync());
        Assert.Null(failed.DispatchedUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("handler failure requested by the test", failed.LastError);
        Assert.Contains("alfa", _app.Services.GetRequiredService<OutboxSignal>().Pending);

        var dispatcher = _app.Services.GetRequiredService<OutboxDispatcher>();
        var tenant = _app.Registry.Find("alfa")!;
        Assert.Equal(0, await dispatcher.DispatchAsync(tenant)); // not due yet

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await dispatcher.DispatchAsync(tenant));
        Assert.Equal(("alfa", "k2"), Assert.Single(Log.Seen));
        Assert.Equal(0, await dispatcher.DispatchAsync(tenant)); // delivered once
        Assert.Empty(_app.Services.GetRequiredService<OutboxSignal>().Pending);
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_set_aside_after_the_last_attempt()
    {
        Log.FailuresLeft = 100;
        (await _app.ClientFor().PostAsJsonAsync("/alfa/api/notes", new NoteInput("k3", "t"))).EnsureSuccessStatusCode();
        var dispatcher = _app.Services.GetRequiredService<OutboxDispatcher>();
        var tenant = _app.Registry.Find("alfa")!;
        for (var i = 0; i < 7; i++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await dispatcher.DispatchAsync(tenant);
        }

        var message = Assert.Single(await OutboxAsync());
        Assert.Equal(5, message.Attempts);
        Assert.NotNull(message.GaveUpUtc);
        Assert.Null(message.DispatchedUtc);
        Assert.Contains(_app.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Critical && l.Message.Contains("set aside"));
    }

    [Fact]
    public async Task Delivered_events_are_purged_after_the_retention_period()
    {
        (await _app.ClientFor().PostAsJsonAsync("/alfa/api/notes", new NoteInput("k4", "t"))).EnsureSuccessStatusCode();
        var dispatcher = _app.Services.GetRequiredService<OutboxDispatcher>();
        var tenant = _app.Registry.Find("alfa")!;
        await _app.OutboxDrainedAsync("alfa"); // delivered after the response, in the background: a purge before it finds nothing to purge

        Assert.Equal(0, await dispatcher.PurgeDeliveredAsync(tenant));
        _time.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await dispatcher.PurgeDeliveredAsync(tenant));
        Assert.Empty(await OutboxAsync());
    }

    private ExtraLog Extra => _app.Services.GetRequiredService<ExtraLog>();

    [Fact]
    public async Task A_failing_handler_is_retried_alone_and_the_other_runs_exactly_once()
    {
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("beta", "beta", ["notes", "notes-extra"]));
        Extra.FailuresLeft = 3;
        (await _app.ClientFor().PostAsJsonAsync("/beta/api/notes", new NoteInput("doppia", "t"))).EnsureSuccessStatusCode();
        var dispatcher = _app.Services.GetRequiredService<OutboxDispatcher>();
        var tenant = _app.Registry.Find("beta")!;
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            await dispatcher.DispatchAsync(tenant);
        }

        Assert.Equal(("beta", "doppia"), Assert.Single(Log.Seen));
        var (key, messageId) = Assert.Single(Extra.Seen);
        Assert.Equal("doppia", key);
        var message = Assert.Single(await _app.InTenantAsync("beta", sp => sp.GetRequiredService<KernelDbContext>().Outbox.AsNoTracking().ToListAsync()));
        Assert.Equal(message.Id, messageId); // the handler is told which message, to be idempotent
        Assert.Equal(3, message.Attempts);
        Assert.NotNull(message.DispatchedUtc);
        var deliveries = await _app.InTenantAsync("beta", sp => sp.GetRequiredService<KernelDbContext>().Deliveries.AsNoTracking().Select(d => d.Handler).ToListAsync());
        Assert.Equal(["notes-extra.CountNoteAdded", "notes.RecordNoteAdded"], deliveries.Order());
    }

    [Fact]
    public async Task A_handler_of_a_disabled_module_is_not_run_and_runs_for_events_raised_once_it_is_enabled()
    {
        (await _app.ClientFor().PostAsJsonAsync("/alfa/api/notes", new NoteInput("prima", "t"))).EnsureSuccessStatusCode();
        Assert.Single(Log.Seen);
        Assert.Empty(Extra.Seen);

        await _app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "modules", "enable": ["notes-extra"] } ] }""", "alfa");
        (await _app.ClientFor().PostAsJsonAsync("/alfa/api/notes", new NoteInput("dopo", "t"))).EnsureSuccessStatusCode();
        _time.Advance(TimeSpan.FromHours(1));
        await _app.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(_app.Registry.Find("alfa")!);

        Assert.Equal("dopo", Assert.Single(Extra.Seen).Key);
        Assert.Equal(2, Log.Seen.Count);
    }

    [Fact]
    public void Backoff_grows_and_is_capped()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), OutboxDispatcher.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(16), OutboxDispatcher.Backoff(4));
        Assert.Equal(TimeSpan.FromHours(1), OutboxDispatcher.Backoff(40));
    }
}

public sealed class OutboxTestsOnSqlite() : OutboxTests(StoreKind.Sqlite);

public sealed class OutboxTestsOnPostgres() : OutboxTests(StoreKind.Postgres);
