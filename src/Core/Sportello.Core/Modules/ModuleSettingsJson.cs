using System.Text.Json;
using Sportello.Core.Recipes;

namespace Sportello.Core.Modules;

/// <summary>Checks a module's settings JSON against its settings type, wherever the JSON comes from (recipe, admin form, API).</summary>
public static class ModuleSettingsJson
{
    /// <summary>
    /// Round-trips the value through the module's settings type, so stored settings are complete and canonical;
    /// returns the JSON path and message of the first problem instead when the value does not fit.
    /// </summary>
    public static (string Path, string Message)? TryNormalize(Module module, JsonElement value, out JsonElement normalized)
    {
        normalized = default;
        if (module.SettingsType is null)
        {
            return ("$", $"Il modulo '{module.Id}' non ha impostazioni.");
        }

        try
        {
            var typed = value.Deserialize(module.SettingsType, SportelloJson.Strict);
            if (typed is null)
            {
                return ("$", $"Le impostazioni del modulo '{module.Id}' devono essere un oggetto JSON.");
            }

            normalized = JsonSerializer.SerializeToElement(typed, module.SettingsType, SportelloJson.Options);
            return null;
        }
        catch (JsonException ex)
        {
            return (ex.Path ?? "$", $"Impostazione non valida per il modulo '{module.Id}': {JsonErrors.Describe(ex)}");
        }
    }
}
