using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Hosting;

namespace Sportello.Core.Modules;

/// <summary>
/// A product area. Each module project has exactly one subclass; the kernel finds it through the Host's
/// project references, registers its services once for all tenants and gates its endpoints per tenant.
/// </summary>
public abstract class Module
{
    /// <summary>Stable id used in recipes, the catalog and table names: lower-case letters, digits, hyphens.</summary>
    public abstract string Id { get; }

    public abstract string Name { get; }

    public virtual string Description => string.Empty;

    /// <summary>
    /// Modules that must be enabled whenever this one is. Every module whose <c>.Contracts</c> project this one references
    /// is one of them, or one of <see cref="Integrations"/> (checked by the anatomy test); a dependency may also be needed
    /// only at run time (the Tenants pages need Identity's sign-in, not its code).
    /// </summary>
    public virtual IReadOnlyList<string> Dependencies => [];

    /// <summary>
    /// Modules whose contracts this one uses where they are enabled and does without elsewhere (through
    /// <see cref="Integration{T}"/>): referenced like a dependency, never turned on by this one.
    /// </summary>
    public virtual IReadOnlyList<string> Integrations => [];

    /// <summary>True for platform modules only the Default tenant may enable.</summary>
    public virtual bool DefaultTenantOnly => false;

    /// <summary>The type the module's recipe/admin settings deserialize into; null when it has none.</summary>
    public virtual Type? SettingsType => null;

    /// <summary>
    /// True when the module keeps tables in the tenant store: when its assembly has FluentMigrator migrations in
    /// <see cref="MigrationsNamespace"/>. Derived, never declared, so a module cannot ship migrations that never run.
    /// </summary>
    public bool HasMigrations => _hasMigrations ??= MigrationsAssembly.GetTypes().Any(t =>
        !t.IsAbstract && typeof(FluentMigrator.IMigration).IsAssignableFrom(t) && t.IsDefined(typeof(FluentMigrator.MigrationAttribute), false)
        && (t.Namespace == MigrationsNamespace || t.Namespace?.StartsWith(MigrationsNamespace + ".", StringComparison.Ordinal) == true));

    private bool? _hasMigrations;

    /// <summary>Assembly holding the module's migrations: its own.</summary>
    public Assembly MigrationsAssembly => GetType().Assembly;

    /// <summary>Namespace the migrations live in (and below), so several modules can share an assembly in tests.</summary>
    public virtual string MigrationsNamespace => GetType().Namespace + ".Migrations";

    public virtual IEnumerable<Permission> Permissions => [];

    public virtual IEnumerable<AdminMenuEntry> AdminMenu => [];

    /// <summary>Links of the customer area's menu.</summary>
    public virtual IEnumerable<CustomerMenuEntry> CustomerMenu => [];

    /// <summary>Cards of the customer area's dashboard.</summary>
    public virtual IEnumerable<CustomerCard> CustomerCards => [];

    /// <summary>
    /// View components shown above every customer-area page while the module is enabled: what the whole area depends
    /// on, such as the organization the customer is acting for.
    /// </summary>
    public virtual IEnumerable<Type> CustomerAreaBar => [];

    /// <summary>Sections the module adds to the back office's page of a customer record.</summary>
    public virtual IEnumerable<CustomerRecordPanel> CustomerRecordPanels => [];

    /// <summary>
    /// The product areas the module adds to the customer area, with the rights an organization grants its collaborators
    /// there. Keys are unique across modules (checked at start).
    /// </summary>
    public virtual IEnumerable<ProductArea> ProductAreas => [];

    /// <summary>Links of the public site's header and footer, for every visitor of a tenant with the module on.</summary>
    public virtual IEnumerable<SiteLink> SiteLinks => [];

    /// <summary>The actions the module writes to the audit log, with their words (lifecycle transitions included).</summary>
    public virtual IEnumerable<Audit.AuditAction> AuditActions => [];

    /// <summary>Timed work the module declares; the kernel schedules it and runs it only for tenants with the module enabled.</summary>
    public virtual IEnumerable<Jobs.ModuleJob> Jobs => [];

    /// <summary>Plan limits the module enforces; each needs an <c>IPlanUsage</c> registered for its key.</summary>
    public virtual IEnumerable<PlanLimit> Limits => [];

    /// <summary>
    /// The module's settings as an exported recipe carries them. Override to leave out what cannot travel to
    /// another platform (secrets protected with this platform's keys).
    /// </summary>
    public virtual System.Text.Json.JsonElement ExportSettings(System.Text.Json.JsonElement settings) => settings;

    /// <summary>Recipe step handler types (subclasses of <c>RecipeStep&lt;T&gt;</c>) the module contributes.</summary>
    public virtual IEnumerable<Type> RecipeSteps => [];

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>
    /// Declares a handler of an event (of this module or another's contract), run only for tenants where this module
    /// is enabled. <paramref name="name"/> is what its deliveries are recorded under: module id and class name by default.
    /// </summary>
    protected void Handle<TEvent, THandler>(IServiceCollection services, string? name = null)
        where TEvent : Events.IDomainEvent
        where THandler : class, Events.IDomainEventHandler<TEvent> =>
        services.AddDomainEventHandler<TEvent, THandler>(Id, name);

    /// <summary>Maps minimal-API endpoints; the kernel has already tagged the builder with this module's id.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
