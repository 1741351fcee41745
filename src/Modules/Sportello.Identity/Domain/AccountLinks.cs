using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sportello.Identity.Domain;

/// <summary>Absolute links for e-mails, kept on the tenant's host and prefix.</summary>
public static class AccountLinks
{
    /// <summary>The tenant's base address as the current request reached it.</summary>
    public static string BaseOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Build(string baseUrl, string path, IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString(baseUrl + path, query);
}
