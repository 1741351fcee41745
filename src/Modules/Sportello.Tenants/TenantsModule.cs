using Microsoft.AspNetCore.Routing;
using Sportello.Core.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Tenants.Api;
using Sportello.Tenants.Domain;
using Sportello.Tenants.Pages.Admin.Tenants;

namespace Sportello.Tenants;

/// <summary>The platform operator's view of every tenant. Only the Default tenant can enable it.</summary>
public sealed class TenantsModule : Module
{
    public const string ModuleId = "tenants";

    public override string Id => ModuleId;
    public override string Name => "Tenant";
    public override string Description => "Elenco dei tenant della piattaforma, con stato, indirizzi e moduli attivi.";
    public override bool DefaultTenantOnly => true;
    public override IReadOnlyList<string> Dependencies => ["identity"];

    public override IEnumerable<Permission> Permissions => TenantsPermissions.All;

    public override IEnumerable<Sportello.Core.Audit.AuditAction> AuditActions => Domain.TenantAuditActions.All;

    public override IEnumerable<AdminMenuEntry> AdminMenu =>
        [new("Tenant", "/admin/tenants", TenantsPermissions.View, 10)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RecipeFiles>();
        services.AddScoped<TenantProvisioning>();
        services.AddScoped<TenantOperations>();
        services.AddSingleton<ModuleReach>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => TenantsApi.Map(endpoints);
}
