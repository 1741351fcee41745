using Sportello.Core.Modules;
using Sportello.Core.Validation;

namespace Sportello.Core.Tenancy;

/// <summary>One line of a tenant's plan: what is in use against what is allowed (null: no limit).</summary>
public sealed record PlanUsage(string Key, string DisplayName, string Description, long Used, long? Limit)
{
    public bool Exceeded => Limit is { } max && Used >= max;
}

/// <summary>
/// The one place modules ask about plan limits: the current tenant's limit for a key, its usage, and a check
/// before adding more. Limits live in the catalog record; usage is counted by the declaring module.
/// </summary>
public sealed class PlanLimits(TenantContext tenant, ModuleCatalog modules, IEnumerable<IPlanUsage> counters)
{
    public long? LimitOf(string key) => tenant.Settings.Limits.TryGetValue(key, out var value) ? value : null;

    /// <summary>Every limit declared by the tenant's enabled modules, with its current usage.</summary>
    public async Task<IReadOnlyList<PlanUsage>> UsageAsync(CancellationToken ct = default)
    {
        var result = new List<PlanUsage>();
        foreach (var module in modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id)))
        {
            foreach (var limit in module.Limits)
            {
                result.Add(new PlanUsage(limit.Key, limit.DisplayName, limit.Description, await CountAsync(limit.Key, ct), LimitOf(limit.Key)));
            }
        }

        return result;
    }

    /// <summary>Refuses, in the user's words, adding <paramref name="adding"/> more when that would pass the limit.</summary>
    public async Task EnsureAvailableAsync(string key, long adding = 1, CancellationToken ct = default)
    {
        if (LimitOf(key) is not { } max)
        {
            return;
        }

        var used = await CountAsync(key, ct);
        if (used + adding > max)
        {
            var name = modules.FindLimit(key)?.Limit.DisplayName ?? key;
            throw new SportelloValidationException(key, $"Limite del piano raggiunto per «{name}»: {used} su {max}. Contatta il tuo fornitore per ampliarlo.");
        }
    }

    private Task<long> CountAsync(string key, CancellationToken ct) =>
        counters.FirstOrDefault(c => c.Key == key)?.CountAsync(ct)
        ?? throw new InvalidOperationException($"No IPlanUsage is registered for plan limit '{key}'.");
}
