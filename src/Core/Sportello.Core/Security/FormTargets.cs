using Microsoft.AspNetCore.Http;

namespace Sportello.Core.Security;

/// <summary>
/// Browsers apply <c>form-action</c> to where a form's answer redirects as well, so a page whose form hands the
/// customer to a payment provider's hosted page names that provider's origin; every other page keeps <c>'self'</c>.
/// </summary>
public static class FormTargets
{
    /// <summary>Sets this answer's policy: the usual one, with forms also allowed to lead to <paramref name="origins"/>.</summary>
    public static void Allow(HttpResponse response, IEnumerable<Uri> origins)
    {
        var allowed = origins.Where(o => o.IsAbsoluteUri && (o.Scheme == Uri.UriSchemeHttps || o.Scheme == Uri.UriSchemeHttp))
            .Select(o => o.GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        response.Headers.ContentSecurityPolicy = allowed.Count == 0
            ? SecurityHeaders.Policy
            : SecurityHeaders.Policy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', allowed), StringComparison.Ordinal);
    }
}
