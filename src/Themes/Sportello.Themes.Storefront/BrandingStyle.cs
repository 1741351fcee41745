using System.Text;
using System.Text.Encodings.Web;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Storefront;

/// <summary>
/// Turns a tenant's branding into CSS custom properties, so a reseller's colours apply without a rebuild.
/// Colours were validated as hex on the way in; they are still encoded here as CSS, never trusted raw.
/// </summary>
public static class BrandingStyle
{
    public static string CustomProperties(TenantBranding branding)
    {
        var css = new StringBuilder(":root{");
        Append(css, "--brand-primary", branding.PrimaryColor);
        Append(css, "--brand-accent", branding.AccentColor);
        return css.Append('}').ToString();
    }

    private static void Append(StringBuilder css, string name, string value) =>
        css.Append(name).Append(':').Append(CssEncode(value)).Append(';');

    private static string CssEncode(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c == '#') ? value : JavaScriptEncoder.Default.Encode(value);
}
