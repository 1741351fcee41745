namespace Sportello.Core.Tenancy;

/// <summary>
/// When a tenant last served a request on this node, and whether its per-tenant caches are built. Shared by the
/// successive <see cref="Tenant"/> objects of one name, so a settings change does not reset it.
/// </summary>
public sealed class TenantActivity
{
    private long _lastRequestTicks;
    private long _flushedTicks;
    private int _active;

    public DateTime? LastRequestUtc => Volatile.Read(ref _lastRequestTicks) is var t and > 0 ? new DateTime(t, DateTimeKind.Utc) : null;

    /// <summary>True from the first request until the idle sweep releases its caches.</summary>
    public bool IsActive => Volatile.Read(ref _active) == 1;

    public void Touch(DateTime utcNow)
    {
        Volatile.Write(ref _lastRequestTicks, utcNow.Ticks);
        if (Volatile.Read(ref _active) == 0)
        {
            Volatile.Write(ref _active, 1);
        }
    }

    /// <summary>Marks the tenant released when it has been idle since <paramref name="idleSinceUtc"/>; true when it was active.</summary>
    public bool TryRelease(DateTime idleSinceUtc) =>
        Volatile.Read(ref _lastRequestTicks) < idleSinceUtc.Ticks && Interlocked.CompareExchange(ref _active, 0, 1) == 1;

    /// <summary>
    /// The last request time when it is at least <paramref name="granularity"/> newer than the one last written
    /// to the catalog; marks it written. A busy tenant is written once per granularity, not once per sweep.
    /// </summary>
    public DateTime? TakeUnflushed(TimeSpan granularity)
    {
        var last = Volatile.Read(ref _lastRequestTicks);
        var flushed = Volatile.Read(ref _flushedTicks);
        if (last == 0 || (flushed != 0 && last - flushed < granularity.Ticks)
            || Interlocked.CompareExchange(ref _flushedTicks, last, flushed) != flushed)
        {
            return null;
        }

        return new DateTime(last, DateTimeKind.Utc);
    }
}
