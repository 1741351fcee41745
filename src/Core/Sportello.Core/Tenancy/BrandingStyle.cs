using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Turns a tenant's branding into CSS custom properties, so a reseller's colours apply without a rebuild. Served as
/// a style sheet of its own (<see cref="Path"/>, versioned by the tenant's record) rather than inline, so pages
/// need no 'unsafe-inline' in their content security policy. Colours are validated on the way in; anything that
/// is still not a hex colour here falls back to the default rather than reaching the style sheet.
/// </summary>
public static partial class BrandingStyle
{
    public const string Path = "/_branding.css";

    /// <summary>The address layouts link to: it changes with every change of the tenant, so it may be cached for good.</summary>
    public static string Href(HttpRequest request, Tenant tenant) => $"{request.PathBase}{Path}?v={tenant.Settings.Version}";

    internal static IResult Serve(TenantContext tenant, HttpContext http)
    {
        var current = tenant.Tenant.Settings.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = http.Request.Query["v"] == current ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.Text(CustomProperties(tenant.Settings.Branding), "text/css; charset=utf-8");
    }

    private static readonly TenantBranding Defaults = new();

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();

    public static string CustomProperties(TenantBranding branding) =>
        new StringBuilder(":root{")
            .Append("--brand-primary:").Append(Color(branding.PrimaryColor, Defaults.PrimaryColor)).Append(';')
            .Append("--brand-accent:").Append(Color(branding.AccentColor, Defaults.AccentColor)).Append(';')
            .Append('}')
            .ToString();

    private static string Color(string value, string fallback) => HexColor().IsMatch(value) ? value : fallback;
}
