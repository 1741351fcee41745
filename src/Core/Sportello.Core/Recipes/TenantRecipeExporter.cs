using System.Text.Json;
using System.Text.Json.Nodes;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Recipes;

/// <summary>
/// Writes the current tenant as a recipe that re-creates an equivalent tenant elsewhere: its settings, modules,
/// module settings (less secrets), plan limits, then what each enabled module exports (roles, content), and people
/// only when <see cref="TenantExport.WithPeople"/> asks. Passwords, stored files and the tenant's keys never are.
/// </summary>
public sealed class TenantRecipeExporter(
    TenantContext tenant,
    ModuleCatalog modules,
    IEnumerable<ITenantExportContributor> contributors,
    TimeProvider time)
{
    public async Task<JsonObject> ExportAsync(TenantExport? export = null, CancellationToken ct = default)
    {
        export ??= new TenantExport();
        var settings = tenant.Settings;
        var steps = new JsonArray
        {
            Step("tenant", new JsonObject
            {
                ["name"] = settings.Name,
                ["hosts"] = ToNode(settings.Hosts),
                ["prefix"] = settings.Prefix,
                ["culture"] = settings.Culture,
                ["timeZone"] = settings.TimeZone,
                ["currency"] = settings.Currency,
                ["theme"] = settings.Theme,
                ["branding"] = ToNode(settings.Branding),
            }),
        };

        var enabled = modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id)).ToList();
        if (enabled.Count > 0)
        {
            steps.Add(Step("modules", new JsonObject { ["enable"] = ToNode(enabled.Select(m => m.Id).ToList()) }));
        }

        var moduleSettings = new JsonObject();
        foreach (var module in enabled.Where(m => m.SettingsType is not null && settings.ModuleSettings.ContainsKey(m.Id)))
        {
            moduleSettings[module.Id] = JsonNode.Parse(module.ExportSettings(settings.ModuleSettings[module.Id]).GetRawText());
        }

        if (moduleSettings.Count > 0)
        {
            steps.Add(Step("settings", new JsonObject { ["modules"] = moduleSettings }));
        }

        if (settings.Limits.Count > 0)
        {
            steps.Add(Step("limits", new JsonObject { ["values"] = ToNode(new SortedDictionary<string, long>(settings.Limits.ToDictionary(), StringComparer.Ordinal)) }));
        }

        foreach (var module in enabled)
        {
            foreach (var contributor in contributors.Where(c => c.ModuleId == module.Id))
            {
                foreach (var step in await contributor.ExportAsync(export, ct))
                {
                    steps.Add(step);
                }
            }
        }

        return new JsonObject
        {
            ["name"] = "export-" + settings.Name,
            ["displayName"] = tenant.Tenant.DisplayName,
            ["description"] = $"Esportazione del tenant '{settings.Name}' del {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC.",
            ["steps"] = steps,
        };
    }

    /// <summary>A step object with its "step" name first, as people write them.</summary>
    public static JsonObject Step(string name, JsonObject body)
    {
        var step = new JsonObject { ["step"] = name };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            if (value is not null)
            {
                step[key] = value;
            }
        }

        return step;
    }

    private static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, SportelloJson.Options);
}
