using System.Collections.Concurrent;

namespace Sportello.Billing.Providers.PayPal;

public sealed record PayPalToken(string Value, TimeSpan Lifetime);

/// <summary>
/// PayPal's OAuth2 access tokens, one per API and client id, kept until a minute before they expire: asking for one
/// per call would double every call and meet PayPal's rate limits. Parallel callers share one request.
/// </summary>
public sealed class PayPalTokens(TimeProvider clock)
{
    private sealed record Cached(PayPalToken Token, DateTimeOffset Until, string Secret);

    private readonly ConcurrentDictionary<string, Lazy<Task<Cached>>> _tokens = new();

    public async Task<string> GetAsync(Uri api, string clientId, string secret, Func<Task<PayPalToken>> issue)
    {
        var key = Key(api, clientId);
        var entry = _tokens.GetOrAdd(key, _ => Request(issue, secret));
        var cached = await AwaitAsync(key, entry);
        if (cached.Until > clock.GetUtcNow() && cached.Secret == secret)
        {
            return cached.Token.Value;
        }

        // Expired, or issued for keys since changed: the first caller to notice replaces it, the others share that.
        _tokens.TryUpdate(key, Request(issue, secret), entry);
        return (await AwaitAsync(key, _tokens.GetOrAdd(key, _ => Request(issue, secret)))).Token.Value;
    }

    /// <summary>PayPal refused the token (revoked, keys changed): the next call asks for a new one.</summary>
    public void Forget(Uri api, string clientId) => _tokens.TryRemove(Key(api, clientId), out _);

    private static string Key(Uri api, string clientId) => api + "|" + clientId;

    private Lazy<Task<Cached>> Request(Func<Task<PayPalToken>> issue, string secret) => new(async () =>
    {
        var token = await issue();
        return new Cached(token, clock.GetUtcNow() + token.Lifetime - TimeSpan.FromMinutes(1), secret);
    });

    private async Task<Cached> AwaitAsync(string key, Lazy<Task<Cached>> entry)
    {
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed request is not kept: the next caller asks again.
            _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<Cached>>>(key, entry));
            throw;
        }
    }
}
