using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Events;

/// <summary>
/// Hands a tenant's stored events to their handlers, oldest first: each handler of a module enabled for the tenant
/// (when the message is dispatched), in a scope of its own. Each message is claimed before it is handled, so two
/// dispatchers (two nodes, or the job and an inline dispatch) never handle it at once. Each handler's success is
/// recorded (<see cref="OutboxDelivery"/>): when one fails, the message is retried later with growing delays for
/// that handler alone, and does not hold up the messages after it.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    EventHandlers handlers,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<SportelloOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly AsyncLocal<bool> Dispatching = new();
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Delivers every due event of the tenant; returns how many were handled successfully.</summary>
    public async Task<int> DispatchAsync(Tenant tenant, CancellationToken ct = default)
    {
        if (Dispatching.Value)
        {
            // A handler raised an event: the outer loop picks it up once the handler returns.
            signal.MarkPending(tenant.Name);
            return 0;
        }

        Dispatching.Value = true;
        try
        {
            return await DispatchAllAsync(tenant, ct);
        }
        finally
        {
            Dispatching.Value = false;
        }
    }

    /// <summary>Dispatches in the background, for callers on a synchronous path.</summary>
    public void DispatchSoon(Tenant tenant) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await DispatchAsync(tenant);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatch failed for tenant {TenantName}", tenant.Name);
            }
        });

    private async Task<int> DispatchAllAsync(Tenant tenant, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var batchSize = options.Value.Outbox.BatchSize;
        var handled = 0;
        var failed = false;
        var seen = new HashSet<Guid>();
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var batch = await db.Outbox.AsNoTracking()
                .Where(m => m.DispatchedUtc == null
                    && m.GaveUpUtc == null
                    && (m.NextAttemptUtc == null || m.NextAttemptUtc <= now)
                    && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .OrderBy(m => m.OccurredUtc)
                .Take(batchSize)
                .ToListAsync(ct);
            batch.RemoveAll(m => !seen.Add(m.Id));
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                if (!await ClaimAsync(db, message.Id, now, ct))
                {
                    continue;
                }

                if (await HandleAsync(tenant, db, message, ct))
                {
                    await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.DispatchedUtc, time.GetUtcNow().UtcDateTime)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
                    handled++;
                }
                else
                {
                    failed = true;
                    var attempts = message.Attempts + 1;
                    var failedAt = time.GetUtcNow().UtcDateTime;
                    var givingUp = attempts >= options.Value.Outbox.MaxAttempts;
                    await db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts)
                        .SetProperty(m => m.NextAttemptUtc, givingUp ? null : failedAt + Backoff(attempts))
                        .SetProperty(m => m.GaveUpUtc, givingUp ? failedAt : null)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), ct);
                    if (givingUp)
                    {
                        logger.LogCritical("Event {EventType} ({EventId}) of tenant {TenantName} set aside after {Attempts} failed deliveries",
                            message.Type, message.Id, tenant.Name, attempts);
                    }
                }
            }
        }

        // Still pending while anything waits for a retry, whoever ran this pass (inline or the job).
        if (!failed && !await db.Outbox.AnyAsync(m => m.DispatchedUtc == null && m.GaveUpUtc == null, ct))
        {
            signal.Clear(tenant.Name);
        }

        return handled;
    }

    /// <summary>Deletes events delivered longer ago than the retention period; returns how many.</summary>
    public async Task<int> PurgeDeliveredAsync(Tenant tenant, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var before = time.GetUtcNow().UtcDateTime - options.Value.Outbox.RetainDelivered;
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        await db.Deliveries
            .Where(d => db.Outbox.Any(m => m.Id == d.MessageId && m.DispatchedUtc != null && m.DispatchedUtc < before))
            .ExecuteDeleteAsync(ct);
        return await db.Outbox
            .Where(m => m.DispatchedUtc != null && m.DispatchedUtc < before)
            .ExecuteDeleteAsync(ct);
    }

    private async Task<bool> ClaimAsync(KernelDbContext db, Guid id, DateTime now, CancellationToken ct) =>
        await db.Outbox
            .Where(m => m.Id == id && m.DispatchedUtc == null && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, now + ClaimTime), ct) == 1;

    private async Task<bool> HandleAsync(Tenant tenant, KernelDbContext db, OutboxMessage message, CancellationToken ct)
    {
        var type = DomainEventTypes.Find(message.Type);
        var due = type is null ? [] : handlers.Of(type).Where(h => h.ModuleId is null || tenant.IsEnabled(h.ModuleId)).ToList();
        if (due.Count == 0)
        {
            // Nobody listens to it in this build or for this tenant; delivering means there is nothing to do.
            logger.LogDebug("No handler for event {EventType} in tenant {TenantName}", message.Type, tenant.Name);
            return true;
        }

        var done = await db.Deliveries.AsNoTracking().Where(d => d.MessageId == message.Id).Select(d => d.Handler).ToListAsync(ct);
        due.RemoveAll(h => done.Contains(h.Name));
        object domainEvent;
        try
        {
            domainEvent = JsonSerializer.Deserialize(message.Payload, type!, SportelloJson.Events)!;
        }
        catch (JsonException ex)
        {
            await FailedAsync(tenant, message, [$"payload: {ex.Message}"], ct);
            return false;
        }

        var context = new EventContext(message.Id, message.OccurredUtc, tenant.Name);
        var failures = new List<string>();
        foreach (var handler in due)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
                    await handler.Invoke(scope.ServiceProvider, domainEvent, context, ct);
                }

                db.Deliveries.Add(new OutboxDelivery { MessageId = message.Id, Handler = handler.Name, DeliveredUtc = time.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Handler {Handler} of {EventType} failed for tenant {TenantName} (attempt {Attempt})",
                    handler.Name, message.Type, tenant.Name, message.Attempts + 1);
                failures.Add($"{handler.Name}: {ex}");
            }
        }

        if (failures.Count == 0)
        {
            return true;
        }

        await FailedAsync(tenant, message, failures, ct);
        return false;
    }

    private async Task FailedAsync(Tenant tenant, OutboxMessage message, List<string> failures, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        await scope.ServiceProvider.GetRequiredService<KernelDbContext>().Outbox.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, Truncate(string.Join("\n\n", failures), 4000)), ct);
    }

    internal static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), MaxBackoff.TotalSeconds));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
