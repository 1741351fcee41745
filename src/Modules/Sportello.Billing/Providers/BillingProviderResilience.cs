using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Providers;

/// <summary>
/// Timeouts and retries for calls to payment providers. POSTs are retried too, because every one that creates
/// something carries the attempt's idempotency key: the provider answers a repeat with what the first call made.
/// </summary>
public static class BillingProviderResilience
{
    public static void Add(IHttpClientBuilder client) => client.AddStandardResilienceHandler().Configure((o, services) =>
    {
        var timeout = services.GetRequiredService<IOptions<BillingProviderOptions>>().Value.CallTimeout;
        o.AttemptTimeout.Timeout = timeout;
        o.TotalRequestTimeout.Timeout = timeout * 4;
        o.CircuitBreaker.SamplingDuration = timeout * 3;
        o.Retry.MaxRetryAttempts = 2;
        o.Retry.Delay = TimeSpan.FromMilliseconds(300);
        o.Retry.BackoffType = DelayBackoffType.Exponential;
    });
}
