using System.Collections.Frozen;
using System.Globalization;
using Sportello.Core.Modules;

namespace Sportello.Core.Audit;

/// <summary>Every audit action the modules declare, so an entry reads the same wherever it is shown.</summary>
public sealed class AuditActionCatalog(ModuleCatalog modules)
{
    private readonly FrozenDictionary<string, AuditAction> _byKey = KernelAuditActions.All
        .Concat(modules.Ordered.SelectMany(m => m.AuditActions))
        .ToFrozenDictionary(a => a.Key, StringComparer.Ordinal);

    /// <summary>The action in words in <paramref name="culture"/> (the current UI culture by default); the key itself when undeclared.</summary>
    public string Display(string key, CultureInfo? culture = null) =>
        _byKey.TryGetValue(key, out var found) ? found.Text.For(culture ?? CultureInfo.CurrentUICulture) : key;

    /// <summary>The declared actions of the given modules, grouped by module in dependency order.</summary>
    public IReadOnlyList<(Module Module, IReadOnlyList<AuditAction> Actions)> Of(Func<Module, bool> include) =>
        modules.Ordered.Where(include).Select(m => (m, (IReadOnlyList<AuditAction>)m.AuditActions.ToList()))
            .Where(g => g.Item2.Count > 0).ToList();
}
