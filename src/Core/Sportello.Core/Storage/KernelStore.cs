using Sportello.Core.Modules;

namespace Sportello.Core.Storage;

/// <summary>The kernel's own tables in every tenant store (the outbox), versioned like a module's.</summary>
internal static class KernelStore
{
    public static readonly string MigrationsNamespace = typeof(KernelStore).Namespace + ".KernelMigrations";

    public static readonly long LatestMigration = ModuleCatalog.LatestMigration(typeof(KernelStore).Assembly, MigrationsNamespace);
}
