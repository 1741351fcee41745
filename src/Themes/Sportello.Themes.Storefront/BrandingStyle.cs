using System.Text;
using System.Text.RegularExpressions;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Storefront;

/// <summary>
/// Turns a tenant's branding into CSS custom properties, so a reseller's colours apply without a rebuild.
/// Colours are validated on the way in; anything that is still not a hex colour here falls back to the
/// default rather than reaching the style sheet.
/// </summary>
public static partial class BrandingStyle
{
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
