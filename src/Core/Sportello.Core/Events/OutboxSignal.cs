using System.Collections.Concurrent;

namespace Sportello.Core.Events;

/// <summary>Tenants this node knows to have undelivered events, so the dispatcher job need not open every store.</summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);

    public void MarkPending(string tenant) => _pending.TryAdd(tenant, 0);

    public void Clear(string tenant) => _pending.TryRemove(tenant, out _);

    /// <summary>The last tenant the dispatcher job's round-robin sweep looked at.</summary>
    public string SweepCursor { get; set; } = string.Empty;

    public IReadOnlyCollection<string> Pending => _pending.Keys.ToList();
}
