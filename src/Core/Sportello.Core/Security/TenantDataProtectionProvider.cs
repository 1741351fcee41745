using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Security;

/// <summary>
/// Makes every protector the framework creates (authentication cookies, antiforgery tokens, password-reset and
/// e-mail tokens) tenant-specific: the payload is protected under an extra purpose naming the current tenant, so
/// what one tenant issued cannot be read by another even though all share one key ring.
/// </summary>
public sealed class TenantDataProtectionProvider(IDataProtectionProvider inner) : IDataProtectionProvider
{
    public IDataProtector CreateProtector(string purpose) => new TenantProtector(inner.CreateProtector(purpose));

    private sealed class TenantProtector(IDataProtector inner) : IDataProtector
    {
        private const string NoTenant = "(platform)";
        private readonly ConcurrentDictionary<string, IDataProtector> _perTenant = new(StringComparer.Ordinal);

        public IDataProtector CreateProtector(string purpose) => new TenantProtector(inner.CreateProtector(purpose));

        public byte[] Protect(byte[] plaintext) => ForCurrentTenant().Protect(plaintext);

        public byte[] Unprotect(byte[] protectedData) => ForCurrentTenant().Unprotect(protectedData);

        private IDataProtector ForCurrentTenant()
        {
            var tenant = TenantContext.Current?.Name ?? NoTenant;
            return _perTenant.GetOrAdd(tenant, name => inner.CreateProtector("tenant:" + name));
        }
    }
}
