using System.Text.Json;

namespace Sportello.Core.Tenancy;

public static class TenantSettingsExtensions
{
    /// <summary>True when two records say the same thing, ignoring version and timestamps: re-applying it would change nothing.</summary>
    public static bool SameContentAs(this TenantSettings a, TenantSettings b) =>
        JsonSerializer.Serialize(Normalize(a), SportelloJson.Options) == JsonSerializer.Serialize(Normalize(b), SportelloJson.Options);

    /// <summary>A module's settings as this record holds them, or defaults when it holds none.</summary>
    public static T ModuleSettingsOf<T>(this TenantSettings s, string moduleId) where T : class, new() =>
        s.ModuleSettings.TryGetValue(moduleId, out var json) ? json.Deserialize<T>(SportelloJson.Options) ?? new T() : new T();

    /// <summary>The record with a module's settings replaced; for a change through <c>TenantService.UpdateAsync</c>.</summary>
    public static TenantSettings WithModuleSettings<T>(this TenantSettings s, string moduleId, T value) => s with
    {
        ModuleSettings = new Dictionary<string, JsonElement>(s.ModuleSettings, StringComparer.Ordinal) { [moduleId] = JsonSerializer.SerializeToElement(value, SportelloJson.Options) },
    };

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
