using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Recipes.Steps;

/// <summary>"tenant": creates the tenant (and its store) or brings an existing one's settings in line with the recipe.</summary>
public sealed class TenantStep(TenantRegistry registry, StoreConnections connections, ReservedPaths reserved, IOptions<SportelloOptions> options)
    : RecipeStep<TenantStepModel>
{
    public override string Name => "tenant";

    protected override IEnumerable<ValidationProblem> Validate(TenantStepModel step, RecipePlan plan)
    {
        var problems = new List<ValidationProblem>();
        var isDefault = step.Name == TenantNames.Default;
        if (!isDefault && TenantNames.Check(step.Name) is { } nameError)
        {
            problems.Add(new("$.name", nameError));
        }

        if (plan.TenantName is not null && plan.TenantName != step.Name)
        {
            problems.Add(new("$.name", $"La ricetta è applicata al tenant '{plan.TenantName}' ma questo passo nomina '{step.Name}'."));
        }

        var hosts = (step.Hosts ?? []).Select(TenantHosts.Normalize).ToList();
        for (var i = 0; i < hosts.Count; i++)
        {
            if (TenantHosts.Check(hosts[i]) is { } hostError)
            {
                problems.Add(new($"$.hosts[{i}]", hostError));
            }
            else if (hosts.IndexOf(hosts[i]) < i)
            {
                problems.Add(new($"$.hosts[{i}]", $"L'host '{hosts[i]}' è ripetuto."));
            }
        }

        var stepPrefix = TenantNames.NormalizePrefix(step.Prefix);
        if (stepPrefix is not null && TenantNames.CheckPrefix(stepPrefix) is { } prefixError)
        {
            problems.Add(new("$.prefix", prefixError));
        }
        else if (stepPrefix is not null && reserved.IsReserved(stepPrefix))
        {
            problems.Add(new("$.prefix", $"Il prefisso '{stepPrefix}' è un indirizzo della piattaforma (/{stepPrefix}): scegline un altro."));
        }

        var existing = registry.Find(step.Name)?.Settings;
        var prefix = stepPrefix ?? existing?.Prefix;
        var effectiveHosts = step.Hosts is null ? existing?.Hosts ?? [] : hosts;
        if (!isDefault && effectiveHosts.Count == 0 && string.IsNullOrEmpty(prefix))
        {
            problems.Add(new("$.hosts", "Un tenant deve avere almeno un host o un prefisso: solo il tenant della piattaforma risponde a tutti gli indirizzi."));
        }

        if (problems.Count == 0)
        {
            problems.AddRange(CheckCollisions(step.Name, effectiveHosts, prefix));
        }

        problems.AddRange(TenantSettingsRules.CheckCulture(step.Culture, "$.culture"));
        problems.AddRange(TenantSettingsRules.CheckTimeZone(step.TimeZone, "$.timeZone"));
        problems.AddRange(TenantSettingsRules.CheckCurrency(step.Currency, "$.currency"));
        problems.AddRange(TenantSettingsRules.CheckTheme(step.Theme, "$.theme"));
        problems.AddRange(TenantSettingsRules.CheckBranding(step.Branding, "$.branding"));
        problems.AddRange(CheckStore(step.Store, existing, step.Name));
        return problems;
    }

    protected override void Plan(TenantStepModel step, RecipePlan plan)
    {
        plan.TenantName = step.Name;
        if (registry.Find(step.Name) is { } existing)
        {
            plan.EnabledModules.UnionWith(existing.Settings.EnabledModules);
        }
    }

    protected override async Task ExecuteAsync(TenantStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var tenants = context.Services.GetRequiredService<TenantService>();
        if (registry.Find(step.Name) is null)
        {
            await tenants.CreateAsync(Apply(step, NewTenant(step)), ct);
            return;
        }

        await tenants.UpdateAsync(step.Name, current => Apply(step, current), ct);
    }

    private TenantSettings NewTenant(TenantStepModel step)
    {
        var defaults = options.Value.DefaultStore;
        var provider = step.Store?.Provider ?? defaults.Provider;
        var store = provider == StoreProvider.Sqlite
            ? new TenantStoreSettings { Provider = provider, Location = Path.Combine("tenants", step.Name, "store.db") }
            : new TenantStoreSettings
            {
                Provider = provider,
                Server = step.Store?.Server ?? defaults.Server,
                Schema = step.Store?.Schema ?? defaults.SchemaPrefix + TenantNames.DefaultSchema(step.Name),
            };
        return new TenantSettings { Name = step.Name, Store = store };
    }

    private static TenantSettings Apply(TenantStepModel step, TenantSettings current) => current with
    {
        Hosts = step.Hosts is null ? current.Hosts : step.Hosts.Select(TenantHosts.Normalize).ToList(),
        Prefix = TenantNames.NormalizePrefix(step.Prefix) ?? current.Prefix,
        Culture = step.Culture ?? current.Culture,
        TimeZone = step.TimeZone ?? current.TimeZone,
        Currency = step.Currency ?? current.Currency,
        Theme = step.Theme ?? current.Theme,
        Branding = step.Branding ?? current.Branding,
    };

    private IEnumerable<ValidationProblem> CheckCollisions(string name, IReadOnlyList<string> hosts, string? prefix)
    {
        var mine = RoutingKeys(hosts, prefix).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var other in registry.All.Where(t => t.Name != name))
        {
            var clash = RoutingKeys(other.Settings.Hosts, other.Settings.Prefix).FirstOrDefault(mine.Contains);
            if (clash is not null)
            {
                yield return new(prefix is not null && hosts.Count == 0 ? "$.prefix" : "$.hosts",
                    $"L'indirizzo '{clash}' è già usato dal tenant '{other.Name}'.");
            }
        }
    }

    private static IEnumerable<string> RoutingKeys(IReadOnlyList<string> hosts, string? prefix) =>
        hosts.Count == 0
            ? prefix is null ? [] : ["/" + prefix]
            : hosts.Select(h => prefix is null ? h : h + "/" + prefix);

    private IEnumerable<ValidationProblem> CheckStore(StoreStepModel? store, TenantSettings? existing, string name)
    {
        if (existing is not null)
        {
            if (store is not null
                && ((store.Provider is { } p && p != existing.Store.Provider)
                    || (store.Server is not null && store.Server != existing.Store.Server)
                    || (store.Schema is not null && store.Schema != existing.Store.Schema)))
            {
                yield return new("$.store", "Il tenant esiste già e il suo archivio non può essere spostato da una ricetta.");
            }

            yield break;
        }

        var defaults = options.Value.DefaultStore;
        var provider = store?.Provider ?? defaults.Provider;
        if (provider == StoreProvider.Sqlite && options.Value.Cluster.Enabled)
        {
            yield return new("$.store.provider", "Con più nodi (Sportello:Cluster) l'archivio di un tenant deve essere PostgreSQL: un file SQLite lo vedrebbe un solo nodo.");
        }

        if (provider == StoreProvider.Postgres)
        {
            var server = store?.Server ?? defaults.Server;
            if (!connections.IsKnownServer(server))
            {
                yield return new("$.store.server", $"Il server PostgreSQL '{server}' non è configurato (Sportello:Postgres:Servers).");
            }

            var schema = store?.Schema ?? defaults.SchemaPrefix + TenantNames.DefaultSchema(name);
            foreach (var problem in TenantSettingsRules.CheckSchema(schema, "$.store.schema"))
            {
                yield return problem;
            }
        }
        else if (store?.Server is not null || store?.Schema is not null)
        {
            yield return new("$.store", "Server e schema valgono solo per l'archivio PostgreSQL.");
        }
    }
}
