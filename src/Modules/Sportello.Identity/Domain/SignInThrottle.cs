using System.Globalization;
using Microsoft.Extensions.Caching.Distributed;
using Sportello.Core.Tenancy;

namespace Sportello.Identity.Domain;

/// <summary>
/// Failed sign-ins are counted per typed address and client address, for every address (unknown, unconfirmed and
/// locked ones too), so the count says nothing about which accounts exist. After <see cref="MaxFailures"/> in
/// <see cref="Window"/>, that client is refused for that address: a guesser is stopped, while the real owner,
/// signing in from elsewhere, is not locked out by a stranger. For an existing account the count also belongs to its
/// security stamp, so choosing a new password lifts the pause at once. Kept in the distributed cache, so every node
/// counts the same attempts.
/// </summary>
public sealed class SignInThrottle(IDistributedCache cache, TenantContext tenant)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<bool> IsBlockedAsync(string email, string? client, string? stamp, CancellationToken ct) =>
        await FailuresAsync(Key(email, client, stamp), ct) >= MaxFailures;

    public async Task RecordFailureAsync(string email, string? client, string? stamp, CancellationToken ct)
    {
        var key = Key(email, client, stamp);
        var failures = await FailuresAsync(key, ct) + 1;
        await cache.SetStringAsync(key, failures.ToString(CultureInfo.InvariantCulture),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Window }, ct);
    }

    public Task ForgetAsync(string email, string? client, string? stamp, CancellationToken ct) => cache.RemoveAsync(Key(email, client, stamp), ct);

    private async Task<int> FailuresAsync(string key, CancellationToken ct) =>
        int.TryParse(await cache.GetStringAsync(key, ct), CultureInfo.InvariantCulture, out var failures) ? failures : 0;

    private string Key(string email, string? client, string? stamp) =>
        $"sign-in|{tenant.Name}|{email.Trim().ToUpperInvariant()}|{client ?? "-"}|{stamp}";
}
