using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sportello.Identity.Domain;

/// <summary>Absolute links for e-mails, built from the request so they keep the tenant's host and prefix.</summary>
public static class AccountLinks
{
    public static string Build(HttpRequest request, string path, IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{path}", query);
}
