using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Recipes.Steps;

public sealed record SettingsStepModel
{
    /// <summary>Settings by module id; each value must fit the module's settings type.</summary>
    public IReadOnlyDictionary<string, JsonElement> Modules { get; init; } = new Dictionary<string, JsonElement>();
}

/// <summary>"settings": sets per-module settings on the tenant, checked against each module's settings type.</summary>
public sealed class SettingsStep(ModuleCatalog modules) : RecipeStep<SettingsStepModel>
{
    public override string Name => "settings";

    protected override IEnumerable<ValidationProblem> Validate(SettingsStepModel step, RecipePlan plan)
    {
        foreach (var (id, value) in step.Modules)
        {
            var path = $"$.modules.{id}";
            var module = modules.Find(id);
            if (module is null)
            {
                yield return new(path, $"Il modulo '{id}' non esiste.");
                continue;
            }

            if (!plan.EnabledModules.Contains(id))
            {
                yield return new(path, $"Il modulo '{id}' non è attivo a questo punto della ricetta.");
                continue;
            }

            if (module.SettingsType is null)
            {
                yield return new(path, $"Il modulo '{id}' non ha impostazioni.");
                continue;
            }

            var error = ModuleSettingsJson.TryNormalize(module, value, out _);
            if (error is not null)
            {
                yield return new(path + error.Value.Path.TrimStart('$'), error.Value.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(SettingsStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var normalized = step.Modules.ToDictionary(
            p => p.Key,
            p =>
            {
                ModuleSettingsJson.TryNormalize(modules.Find(p.Key)!, p.Value, out var json);
                return json;
            },
            StringComparer.Ordinal);

        await context.Services.GetRequiredService<TenantService>().UpdateAsync(context.TenantName, current =>
        {
            var merged = new Dictionary<string, JsonElement>(current.ModuleSettings, StringComparer.Ordinal);
            foreach (var (id, json) in normalized)
            {
                merged[id] = json;
            }

            return current with { ModuleSettings = merged };
        }, ct);
    }
}
