namespace Sportello.Core.Tenancy;

/// <summary>The address a tenant is reached at, from configuration only; <see cref="TenantLinks"/> uses it for the current tenant.</summary>
public static class TenantUrls
{
    /// <summary>
    /// The tenant's first plain host (with the public URL's scheme), or else the public URL; then its prefix.
    /// No trailing slash.
    /// </summary>
    public static string BaseUrl(TenantSettings tenant, string publicUrl)
    {
        var root = new Uri(publicUrl);
        var host = tenant.Hosts.FirstOrDefault(h => !TenantHosts.IsWildcard(h));
        var origin = host is null ? root.GetLeftPart(UriPartial.Authority) : $"{root.Scheme}://{host}";
        return string.IsNullOrEmpty(tenant.Prefix) ? origin : $"{origin}/{tenant.Prefix}";
    }
}
