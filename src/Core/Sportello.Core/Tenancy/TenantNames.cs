using System.Text.RegularExpressions;

namespace Sportello.Core.Tenancy;

/// <summary>Rules for tenant names and URL prefixes: both end up in paths, schemas and folder names.</summary>
public static partial class TenantNames
{
    /// <summary>The platform tenant: it answers hosts nobody else claims and runs the tenant admin.</summary>
    public const string Default = "default";

    // Names that would shadow the platform's own paths or confuse operators.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "admin", "api", "app", "assets", "content", "error", "health", "host", "kernel", "login",
        "logout", "platform", "public", "root", "static", "system", "www", "_content", "_framework",
    };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Returns why <paramref name="name"/> cannot name a tenant, or null when it can.</summary>
    public static string? Check(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Il nome del tenant è obbligatorio.";
        }

        if (name.Length < 2 || name.Length > 63)
        {
            return $"Il nome del tenant deve avere da 2 a 63 caratteri (ne ha {name.Length}).";
        }

        if (!NamePattern().IsMatch(name))
        {
            return $"Il nome del tenant '{name}' può contenere solo lettere minuscole, cifre e trattini, e non può iniziare o finire con un trattino.";
        }

        if (Reserved.Contains(name))
        {
            return $"Il nome '{name}' è riservato alla piattaforma.";
        }

        return null;
    }

    /// <summary>A prefix as people write it ("/prova", "prova/") as the catalog keeps it ("prova"); null stays null.</summary>
    public static string? NormalizePrefix(string? prefix) => prefix?.Trim().Trim('/').ToLowerInvariant();

    /// <summary>Returns why <paramref name="prefix"/> cannot be a URL prefix, or null when it can.</summary>
    public static string? CheckPrefix(string prefix)
    {
        if (prefix.Length < 2 || prefix.Length > 63 || !NamePattern().IsMatch(prefix))
        {
            return $"Il prefisso '{prefix}' deve avere da 2 a 63 caratteri tra lettere minuscole, cifre e trattini.";
        }

        return Reserved.Contains(prefix) ? $"Il prefisso '{prefix}' è riservato alla piattaforma." : null;
    }

    /// <summary>The PostgreSQL schema a tenant's tables go to when none is given.</summary>
    public static string DefaultSchema(string name) => "t_" + name.Replace('-', '_');
}
