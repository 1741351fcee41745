using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Absolute links to the current tenant (e-mails, invitations, exports, return URLs for payment providers), built
/// from the tenant's configured address. Never from the request's Host header: a client chooses that, and a reset
/// link built from it would hand the token to whoever forged it.
/// </summary>
public sealed class TenantLinks(TenantContext tenant, IOptions<SportelloOptions> options)
{
    /// <summary>The tenant's address without a trailing slash, prefix included.</summary>
    public string BaseUrl => TenantUrls.BaseUrl(tenant.Settings, options.Value.PublicUrl);

    /// <summary>An absolute link to <paramref name="path"/> (starting with "/") of the current tenant.</summary>
    public string To(string path, IEnumerable<KeyValuePair<string, string?>>? query = null) =>
        query is null ? BaseUrl + path : QueryHelpers.AddQueryString(BaseUrl + path, query);
}
