using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Modules;

/// <summary>
/// Another module's contract used when that module is on for the tenant, done without otherwise: Billing asks for
/// <c>Integration&lt;ISpidProducts&gt;</c> and lists SPID products only where <see cref="Service"/> is not null. The
/// contract interface names its module with <see cref="ModuleContractAttribute"/>; no dependency is declared, so
/// enabling the using module never forces the other on.
/// </summary>
public sealed class Integration<T>(IServiceProvider services, TenantContext tenant) where T : class
{
    /// <summary>The module whose contract <typeparamref name="T"/> is.</summary>
    public static string ModuleId { get; } = typeof(T).GetCustomAttribute<ModuleContractAttribute>()?.ModuleId
        ?? throw new InvalidOperationException($"{typeof(T).FullName} is not a module contract: mark it [ModuleContract(\"module-id\")].");

    public bool Available => Service is not null;

    /// <summary>The service, or null when its module is off for the tenant or not part of this build.</summary>
    public T? Service => tenant.Tenant.IsEnabled(ModuleId) ? services.GetService<T>() : null;
}
