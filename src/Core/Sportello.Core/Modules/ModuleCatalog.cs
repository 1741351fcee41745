using System.Collections.Frozen;
using System.Reflection;
using FluentMigrator;
using Sportello.Core.Validation;

namespace Sportello.Core.Modules;

/// <summary>
/// Every module the Host was built with, checked once at start-up: unique ids, known dependencies,
/// no cycles. Answers dependency closures and "who needs this module".
/// </summary>
public sealed class ModuleCatalog
{
    /// <summary>Pseudo-module id under which the kernel's own tables are versioned.</summary>
    public const string KernelId = "kernel";

    private readonly FrozenDictionary<string, Module> _byId;
    private readonly FrozenDictionary<Assembly, Module> _byAssembly;
    private readonly FrozenDictionary<string, int> _order;
    private readonly FrozenDictionary<string, long> _latestMigration;

    /// <summary>Finds the declaration of a plan limit and the module that declares it.</summary>
    public (Module Module, PlanLimit Limit)? FindLimit(string key) =>
        Ordered.SelectMany(m => m.Limits.Select(l => (m, l))).Where(p => p.l.Key == key).Select(p => ((Module, PlanLimit)?)p).FirstOrDefault();

    public ModuleCatalog(IEnumerable<Module> modules)
    {
        var list = modules.ToList();
        var byId = new Dictionary<string, Module>(StringComparer.Ordinal);
        foreach (var module in list)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(module.Id, "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"))
            {
                throw new InvalidOperationException($"Module id '{module.Id}' ({module.GetType().FullName}) must use lower-case letters, digits and hyphens.");
            }

            if (module.Id == KernelId || !byId.TryAdd(module.Id, module))
            {
                throw new InvalidOperationException($"Module id '{module.Id}' is used twice ({module.GetType().FullName}).");
            }
        }

        foreach (var module in list)
        {
            foreach (var dependency in module.Dependencies)
            {
                if (!byId.ContainsKey(dependency))
                {
                    throw new InvalidOperationException($"Module '{module.Id}' depends on '{dependency}', which is not part of this build.");
                }
            }
        }

        CheckProductAreas(list);
        Ordered = TopologicalOrder(byId);
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        _order = Ordered.Select((m, i) => (m.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _byAssembly = list
            .GroupBy(m => m.GetType().Assembly)
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.Single());
        _latestMigration = list
            .Where(m => m.HasMigrations)
            .ToFrozenDictionary(m => m.Id, m => LatestMigration(m.MigrationsAssembly, m.MigrationsNamespace), StringComparer.Ordinal);
    }

    /// <summary>All modules, each after the modules it depends on.</summary>
    public IReadOnlyList<Module> Ordered { get; }

    /// <summary>Every permission there is: the kernel's and every module's, enabled or not.</summary>
    public IEnumerable<Permission> AllPermissions => Security.KernelPermissions.All.Concat(Ordered.SelectMany(m => m.Permissions));

    /// <summary>What can be granted in <paramref name="tenant"/>: the kernel's permissions and those of its enabled modules.</summary>
    public IEnumerable<Permission> PermissionsOf(Tenancy.Tenant tenant) =>
        Security.KernelPermissions.All.Concat(Ordered.Where(m => tenant.IsEnabled(m.Id)).SelectMany(m => m.Permissions));

    // Areas and rights are stored by key in organizations' grants: two modules sharing one would share those grants.
    private static void CheckProductAreas(List<Module> modules)
    {
        var areas = new HashSet<string>(StringComparer.Ordinal);
        var rights = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (module, area) in modules.SelectMany(m => m.ProductAreas.Select(a => (m, a))))
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(area.Key, "^[a-z][a-z0-9-]*$") || !areas.Add(area.Key))
            {
                throw new InvalidOperationException($"Product area '{area.Key}' of module '{module.Id}' is not a lower-case key used once.");
            }

            foreach (var right in area.Rights.Where(r => !r.Key.StartsWith(area.Key + ".", StringComparison.Ordinal) || !rights.Add(r.Key)))
            {
                throw new InvalidOperationException($"Product right '{right.Key}' of area '{area.Key}' must start with '{area.Key}.' and be used once.");
            }
        }
    }

    /// <summary>The product areas of <paramref name="tenant"/>'s enabled modules, in module order.</summary>
    public IEnumerable<ProductArea> ProductAreasOf(Tenancy.Tenant tenant) =>
        Ordered.Where(m => tenant.IsEnabled(m.Id)).SelectMany(m => m.ProductAreas);

    public Module? Find(string id) => _byId.GetValueOrDefault(id);

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The module whose project compiled <paramref name="assembly"/>, used to tag Razor Pages.</summary>
    public Module? FindByAssembly(Assembly assembly) => _byAssembly.GetValueOrDefault(assembly);

    /// <summary>Newest migration version a module ships, or null when it has no migrations.</summary>
    public long? LatestMigration(string id) => _latestMigration.TryGetValue(id, out var v) ? v : null;

    /// <summary>The modules plus everything they depend on, in dependency order.</summary>
    public IReadOnlyList<string> Closure(IEnumerable<string> ids)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(ids);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            var module = Find(id) ?? throw new SportelloValidationException("modules", $"Il modulo '{id}' non esiste.");
            if (result.Add(id))
            {
                foreach (var dependency in module.Dependencies)
                {
                    stack.Push(dependency);
                }
            }
        }

        return result.OrderBy(id => _order[id]).ToList();
    }

    /// <summary>Enabled modules that need <paramref name="id"/> directly or through another module.</summary>
    public IReadOnlyList<string> Dependents(string id, IEnumerable<string> enabled) =>
        enabled.Where(other => other != id && Closure([other]).Contains(id)).OrderBy(x => x, StringComparer.Ordinal).ToList();

    private static List<Module> TopologicalOrder(Dictionary<string, Module> byId)
    {
        var ordered = new List<Module>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        foreach (var id in byId.Keys.Order(StringComparer.Ordinal))
        {
            Visit(id, []);
        }

        return ordered;

        void Visit(string id, List<string> path)
        {
            if (state.TryGetValue(id, out var done))
            {
                if (!done)
                {
                    var cycle = path.SkipWhile(p => p != id).Append(id);
                    throw new InvalidOperationException($"Module dependency cycle: {string.Join(" -> ", cycle)}.");
                }

                return;
            }

            state[id] = false;
            path.Add(id);
            foreach (var dependency in byId[id].Dependencies.Order(StringComparer.Ordinal))
            {
                Visit(dependency, path);
            }

            path.RemoveAt(path.Count - 1);
            state[id] = true;
            ordered.Add(byId[id]);
        }
    }

    internal static long LatestMigration(Assembly assembly, string ns) =>
        MigrationTypes(assembly, ns)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Version)
            .DefaultIfEmpty(0)
            .Max();

    internal static IEnumerable<Type> MigrationTypes(Assembly assembly, string ns) =>
        assembly.GetTypes().Where(t =>
            !t.IsAbstract
            && t.GetCustomAttribute<MigrationAttribute>() is not null
            && (t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false)));
}
