using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Sportello.Core.Modules;

/// <summary>
/// Finds the <see cref="Module"/> classes of every assembly the application was built with that
/// references the kernel: adding a project reference to the Host is all it takes to ship a module.
/// </summary>
public static class ModuleDiscovery
{
    public static IReadOnlyList<Module> FromDependencyContext(DependencyContext? context = null)
    {
        context ??= DependencyContext.Default
            ?? throw new InvalidOperationException("No dependency context: modules cannot be discovered.");
        var kernel = typeof(Module).Assembly.GetName().Name!;

        var assemblies = context.RuntimeLibraries
            .Where(lib => lib.Dependencies.Any(d => string.Equals(d.Name, kernel, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(lib => lib.GetDefaultAssemblyNames(context))
            .Select(LoadOrNull)
            .OfType<Assembly>();

        return FromAssemblies(assemblies);
    }

    public static IReadOnlyList<Module> FromAssemblies(IEnumerable<Assembly> assemblies) =>
        assemblies
            .Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsSubclassOf(typeof(Module)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Module)Activator.CreateInstance(t)!)
            .ToList();

    private static Assembly? LoadOrNull(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
