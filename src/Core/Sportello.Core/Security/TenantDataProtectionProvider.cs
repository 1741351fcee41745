using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Security;

/// <summary>
/// Makes every protector the framework creates (authentication cookies, antiforgery tokens, password-reset and
/// e-mail tokens) tenant-specific: the payload is protected under an extra purpose naming the current tenant and
/// its random protection id, so what one tenant issued cannot be read by another even though all share one key
/// ring, nor by a later tenant that reuses a removed one's name.
/// </summary>
public sealed class TenantDataProtectionProvider(IDataProtectionProvider inner) : IDataProtectionProvider, ITenantCache
{
    private const string NoTenant = "(platform)";

    // Every live protector, weakly: one created per request dies with its request, and the idle sweep can still
    // reach the long-lived ones to drop a tenant's derived protectors.
    private readonly ConditionalWeakTable<TenantProtector, object?> _live = new();

    public IDataProtector CreateProtector(string purpose) => Track(inner.CreateProtector(purpose));

    public ValueTask ReleaseAsync(Tenant tenant, CancellationToken ct)
    {
        foreach (var (protector, _) in _live)
        {
            protector.Forget(tenant.ProtectionPurpose);
        }

        return ValueTask.CompletedTask;
    }

    private sealed class TenantProtector(IDataProtector inner, TenantDataProtectionProvider owner) : IDataProtector
    {
        // Built on a tenant's first use and dropped when the tenant goes idle.
        private readonly ConcurrentDictionary<string, IDataProtector> _perTenant = new(StringComparer.Ordinal);

        public IDataProtector CreateProtector(string purpose) => owner.Track(inner.CreateProtector(purpose));

        public byte[] Protect(byte[] plaintext) => ForCurrentTenant().Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData) => ForCurrentTenant().Unprotect(protectedData);

        public void Forget(string purpose) => _perTenant.TryRemove(purpose, out _);

        private IDataProtector ForCurrentTenant() =>
            _perTenant.GetOrAdd(TenantContext.Current?.ProtectionPurpose ?? NoTenant, inner.CreateProtector);
    }

    private TenantProtector Track(IDataProtector inner)
    {
        var protector = new TenantProtector(inner, this);
        _live.Add(protector, null);
        return protector;
    }
}
