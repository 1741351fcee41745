using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sportello.KnowledgeBase.Domain;

/// <summary>
/// At most <see cref="KnowledgeBaseOptions.FeedbackPerWindow"/> answers per visitor (network address) and tenant in
/// each window, so nobody can flood a guide's ratings without signing in.
/// </summary>
public sealed class FeedbackLimiter(IOptions<KnowledgeBaseOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.FeedbackPerWindow,
            Window = options.Value.FeedbackWindow,
            QueueLimit = 0,
        }));

    public bool TryAcquire(string tenant, string visitor)
    {
        using var lease = _limiter.AttemptAcquire(tenant + "|" + visitor);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
