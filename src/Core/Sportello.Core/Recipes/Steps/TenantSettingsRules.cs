using System.Globalization;
using System.Text.RegularExpressions;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using TimeZoneConverter;

namespace Sportello.Core.Recipes.Steps;

/// <summary>Checks on the values of a tenant record, shared by the recipe step and the admin forms that come later.</summary>
public static partial class TenantSettingsRules
{
    public static readonly IReadOnlySet<string> Currencies = new HashSet<string>(StringComparer.Ordinal) { "EUR", "CHF" };

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex Color();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex ThemeName();

    public static IEnumerable<ValidationProblem> CheckCulture(string? culture, string path)
    {
        if (culture is null)
        {
            yield break;
        }

        CultureInfo? info = null;
        try
        {
            info = CultureInfo.GetCultureInfo(culture, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
        }

        if (info is null || info.IsNeutralCulture)
        {
            yield return new(path, $"'{culture}' non è una lingua con regione valida (esempi: it-IT, en-GB).");
        }
    }

    public static IEnumerable<ValidationProblem> CheckTimeZone(string? zone, string path)
    {
        if (zone is not null && !TZConvert.TryGetTimeZoneInfo(zone, out _))
        {
            yield return new(path, $"'{zone}' non è un fuso orario IANA conosciuto (esempio: Europe/Rome).");
        }
    }

    public static IEnumerable<ValidationProblem> CheckCurrency(string? currency, string path)
    {
        if (currency is not null && !Currencies.Contains(currency))
        {
            yield return new(path, $"Valuta '{currency}' non gestita: usa {string.Join(" o ", Currencies)}.");
        }
    }

    public static IEnumerable<ValidationProblem> CheckTheme(string? theme, string path)
    {
        if (theme is not null && !ThemeName().IsMatch(theme))
        {
            yield return new(path, $"Il nome del tema '{theme}' può contenere solo lettere minuscole, cifre e trattini.");
        }
    }

    public static IEnumerable<ValidationProblem> CheckSchema(string? schema, string path)
    {
        if (schema is not null && !SchemaName().IsMatch(schema))
        {
            yield return new(path, $"Lo schema '{schema}' deve iniziare con una lettera minuscola o '_' e contenere solo lettere minuscole, cifre e '_'.");
        }
    }

    public static IEnumerable<ValidationProblem> CheckBranding(TenantBranding? branding, string path)
    {
        if (branding is null)
        {
            yield break;
        }

        foreach (var (field, value) in new[] { ("primaryColor", branding.PrimaryColor), ("accentColor", branding.AccentColor) })
        {
            if (!Color().IsMatch(value))
            {
                yield return new(Join(path, field), $"'{value}' non è un colore esadecimale (esempio: #0b5cad).");
            }
        }

        if (branding.DisplayName is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > TenantBranding.MaxDisplayName))
        {
            yield return new(Join(path, "displayName"), $"Scrivi il nome da mostrare ai clienti (al massimo {TenantBranding.MaxDisplayName} caratteri).");
        }

        foreach (var (field, url, what) in new[] { ("logoUrl", branding.LogoUrl, "Il logo"), ("privacyUrl", branding.PrivacyUrl, "L'informativa sulla privacy"), ("termsUrl", branding.TermsUrl, "Le condizioni") })
        {
            if (url is not null && !IsLink(url))
            {
                yield return new(Join(path, field), $"{what} deve essere un percorso che inizia con '/' o un indirizzo https:// (al massimo {TenantBranding.MaxUrl} caratteri).");
            }
        }

        foreach (var (field, phone) in new[] { ("customerPhone", branding.CustomerPhone), ("partnerPhone", branding.PartnerPhone) })
        {
            if (phone is not null && PhoneNumber.Check(phone) is { } problem)
            {
                yield return new(Join(path, field), problem);
            }
        }

        if (branding.SupportEmail is { } email && EmailAddress.Check(email) is { } emailProblem)
        {
            yield return new(Join(path, "supportEmail"), emailProblem);
        }

        if (branding.Tagline is { Length: > TenantBranding.MaxTagline })
        {
            yield return new(Join(path, "tagline"), $"La frase di presentazione può avere al massimo {TenantBranding.MaxTagline} caratteri.");
        }

        if (branding.BusinessHours is { Length: > TenantBranding.MaxHours })
        {
            yield return new(Join(path, "businessHours"), $"Gli orari possono avere al massimo {TenantBranding.MaxHours} caratteri.");
        }
    }

    // "/logo.png" is a path of this site; "//evil", "/\\evil" and anything with a backslash or a control character is
    // another host to a browser, whatever it looks like here.
    private static bool IsLink(string url) =>
        url.Length <= TenantBranding.MaxUrl && (IsLocalPath(url)
            || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !url.Contains('\\'));

    private static bool IsLocalPath(string path) =>
        path.Length > 1 && path[0] == '/' && path[1] is not ('/' or '\\') && !path.Contains('\\') && !path.Any(char.IsControl);

    private static string Join(string path, string field) => path == "$" ? "$." + field : $"{path}.{field}";
}
