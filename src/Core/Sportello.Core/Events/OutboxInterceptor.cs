using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Events;

/// <summary>
/// Dispatches a tenant's events right after the transaction that stored them commits. If the process dies
/// first, the rows are still in the outbox and the dispatcher job delivers them later.
/// </summary>
internal sealed class OutboxInterceptor(TenantContext tenant, OutboxDispatcher dispatcher, OutboxSignal signal)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _pending;

    // Whether some pending event must be delivered before the request goes on; otherwise all are background events.
    private bool _inline;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            DispatchSoon();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            await DispatchAsync(ct);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        await DispatchAsync(ct);

    private void Track(DbContext? context)
    {
        var added = context?.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList() ?? [];
        if (added.Count > 0)
        {
            _pending = true;
            _inline |= added.Any(e => !DomainEventTypes.IsBackground(e.Entity.Type));
            signal.MarkPending(tenant.Name);
        }
    }

    private async Task DispatchAsync(CancellationToken ct)
    {
        if (!_pending || !tenant.HasTenant)
        {
            return;
        }

        _pending = false;
        if (!_inline)
        {
            dispatcher.DispatchSoon(tenant.Tenant);
            return;
        }

        _inline = false;
        await dispatcher.DispatchAsync(tenant.Tenant, ct);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => DispatchSoon();

    // Synchronous paths cannot await the dispatch: it runs in the background instead.
    private void DispatchSoon()
    {
        if (_pending && tenant.HasTenant)
        {
            _pending = _inline = false;
            dispatcher.DispatchSoon(tenant.Tenant);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending = _inline = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
    {
        _pending = _inline = false;
        return Task.CompletedTask;
    }
}
