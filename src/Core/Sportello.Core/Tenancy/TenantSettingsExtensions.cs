using System.Text.Json;

namespace Sportello.Core.Tenancy;

public static class TenantSettingsExtensions
{
    /// <summary>True when two records say the same thing, ignoring version and timestamps: re-applying it would change nothing.</summary>
    public static bool SameContentAs(this TenantSettings a, TenantSettings b) =>
        JsonSerializer.Serialize(Normalize(a), SportelloJson.Options) == JsonSerializer.Serialize(Normalize(b), SportelloJson.Options);

    private static TenantSettings Normalize(TenantSettings s) => s with
    {
        Version = 0,
        CreatedUtc = default,
        UpdatedUtc = default,
        ModuleVersions = new SortedDictionary<string, long>(s.ModuleVersions.ToDictionary(), StringComparer.Ordinal),
        ModuleSettings = new SortedDictionary<string, JsonElement>(s.ModuleSettings.ToDictionary(), StringComparer.Ordinal),
        Limits = new SortedDictionary<string, long>(s.Limits.ToDictionary(), StringComparer.Ordinal),
    };
}
