using System.Collections.Concurrent;
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

    // Built on a tenant's first use of each purpose and dropped when the tenant goes idle.
    private readonly ConcurrentDictionary<(IDataProtector Parent, string Purpose), IDataProtector> _protectors = new();

    public IDataProtector CreateProtector(string purpose) => new TenantProtector(inner.CreateProtector(purpose), this);

    public ValueTask ReleaseAsync(Tenant tenant, CancellationToken ct)
    {
        foreach (var key in _protectors.Keys)
        {
            if (key.Purpose == tenant.ProtectionPurpose)
            {
                _protectors.TryRemove(key, out _);
            }
        }

        return ValueTask.CompletedTask;
    }

    private IDataProtector ForCurrentTenant(IDataProtector parent) =>
        _protectors.GetOrAdd((parent, TenantContext.Current?.ProtectionPurpose ?? NoTenant), key => key.Parent.CreateProtector(key.Purpose));

    private sealed class TenantProtector(IDataProtector inner, TenantDataProtectionProvider owner) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => new TenantProtector(inner.CreateProtector(purpose), owner);

        public byte[] Protect(byte[] plaintext) => owner.ForCurrentTenant(inner).Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData) => owner.ForCurrentTenant(inner).Unprotect(protectedData);
    }
}
