using System.Text.RegularExpressions;

namespace Sportello.Core.Tenancy;

/// <summary>Host names a tenant answers: "example.it", "example.it:8080" or "*.example.it".</summary>
public static partial class TenantHosts
{
    [GeneratedRegex(@"^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::(\d{1,5}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    /// <summary>Lower-cases and trims a host as written in a recipe or form.</summary>
    public static string Normalize(string host) => host.Trim().ToLowerInvariant();

    /// <summary>Returns why <paramref name="host"/> is not a usable host entry, or null when it is.</summary>
    public static string? Check(string host)
    {
        var match = HostPattern().Match(host);
        if (host.Length > 253 || !match.Success)
        {
            return $"'{host}' non è un nome host valido (esempi: clienti.esempio.it, localhost:5001, *.esempio.it).";
        }

        if (match.Groups[2].Success && (!int.TryParse(match.Groups[2].Value, out var port) || port is < 1 or > 65535))
        {
            return $"La porta di '{host}' deve essere tra 1 e 65535.";
        }

        return null;
    }

    public static bool IsWildcard(string host) => host.StartsWith("*.", StringComparison.Ordinal);
}
