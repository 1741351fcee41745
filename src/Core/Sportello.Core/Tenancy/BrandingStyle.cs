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
    public const string IconPath = "/_favicon.svg";

    /// <summary>The address layouts link to: it changes with every change of the tenant, so it may be cached for good.</summary>
    public static string Href(HttpRequest request, Tenant tenant) => $"{request.PathBase}{Path}?v={tenant.Settings.Version}";

    public static string IconHref(HttpRequest request, Tenant tenant) => $"{request.PathBase}{IconPath}?v={tenant.Settings.Version}";

    internal static IResult Serve(TenantContext tenant, HttpContext http)
    {
        Cache(tenant, http);
        return Results.Text(CustomProperties(tenant.Settings.Branding), "text/css; charset=utf-8");
    }

    /// <summary>The tab icon: the tenant's initial on its primary colour, so every reseller has one without uploading it.</summary>
    internal static IResult ServeIcon(TenantContext tenant, HttpContext http)
    {
        Cache(tenant, http);
        var initial = System.Security.SecurityElement.Escape(tenant.Tenant.DisplayName[..1].ToUpperInvariant());
        var color = Color(tenant.Settings.Branding.PrimaryColor, Defaults.PrimaryColor);
        return Results.Text(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" rx=\"14\" fill=\"{color}\"/>"
            + $"<text x=\"32\" y=\"44\" font-family=\"system-ui,sans-serif\" font-size=\"36\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">{initial}</text></svg>",
            "image/svg+xml");
    }

    private static void Cache(TenantContext tenant, HttpContext http)
    {
        var current = tenant.Tenant.Settings.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = http.Request.Query["v"] == current ? "public, max-age=31536000, immutable" : "no-cache";
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
