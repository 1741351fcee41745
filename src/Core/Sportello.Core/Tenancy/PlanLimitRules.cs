using Sportello.Core.Modules;
using Sportello.Core.Validation;

namespace Sportello.Core.Tenancy;

/// <summary>What a set of plan limits must satisfy: declared keys, whole numbers from zero up.</summary>
public static class PlanLimitRules
{
    public static IEnumerable<ValidationProblem> Check(IReadOnlyDictionary<string, long?> values, ModuleCatalog modules, string path)
    {
        foreach (var (key, value) in values)
        {
            if (modules.FindLimit(key) is null)
            {
                var known = modules.Ordered.SelectMany(m => m.Limits).Select(l => l.Key).Order(StringComparer.Ordinal);
                yield return new($"{path}.{key}", $"Limite sconosciuto '{key}'. Limiti disponibili: {string.Join(", ", known)}.");
            }
            else if (value < 0)
            {
                yield return new($"{path}.{key}", $"Il limite '{key}' non può essere negativo.");
            }
        }
    }

    /// <summary>Applies changes: a number sets the limit, null removes it.</summary>
    public static IReadOnlyDictionary<string, long> Apply(IReadOnlyDictionary<string, long> current, IReadOnlyDictionary<string, long?> changes)
    {
        var merged = new Dictionary<string, long>(current, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is { } v)
            {
                merged[key] = v;
            }
            else
            {
                merged.Remove(key);
            }
        }

        return merged;
    }
}
