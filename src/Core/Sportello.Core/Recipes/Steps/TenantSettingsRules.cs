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

        if (branding.DisplayName is { Length: > 100 })
        {
            yield return new(Join(path, "displayName"), "Il nome visualizzato può avere al massimo 100 caratteri.");
        }

        if (branding.LogoUrl is { } logo && !(logo.StartsWith('/') && !logo.StartsWith("//", StringComparison.Ordinal))
            && !(Uri.TryCreate(logo, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            yield return new(Join(path, "logoUrl"), "Il logo deve essere un percorso che inizia con '/' o un indirizzo https://.");
        }

        foreach (var (field, value) in new[] { ("customerPhone", branding.CustomerPhone), ("partnerPhone", branding.PartnerPhone), ("businessHours", branding.BusinessHours), ("supportEmail", branding.SupportEmail) })
        {
            if (value is { Length: > 60 })
            {
                yield return new(Join(path, field), "Il valore può avere al massimo 60 caratteri.");
            }
        }
    }

    private static string Join(string path, string field) => path == "$" ? "$." + field : $"{path}.{field}";
}
