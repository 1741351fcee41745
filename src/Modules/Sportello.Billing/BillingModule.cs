using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.Jobs;
using Sportello.Billing.Recipes;
using Sportello.Core.Jobs;
using Sportello.Core.Modules;
using Sportello.Core.Storage;
using Sportello.Organizations;

namespace Sportello.Billing;

/// <summary>
/// Money: the tenant's catalog and agreements, orders and the services they create, payments and the prepaid
/// balance. The organization is the billing account. Product modules sell through <c>Sportello.Billing.Contracts</c>.
/// </summary>
public sealed class BillingModule : Module
{
    public const string ModuleId = "billing";

    public override string Id => ModuleId;
    public override string Name => "Fatturazione";
    public override string Description => "Catalogo e convenzioni, ordini, servizi con la loro scadenza, pagamenti e credito prepagato.";
    public override IReadOnlyList<string> Dependencies => [OrganizationsModuleId, MailModuleId];
    public override IEnumerable<Permission> Permissions => BillingPermissions.All;
    public override IEnumerable<Sportello.Core.Audit.AuditAction> AuditActions => BillingAuditActions.All;
    public override Type SettingsType => typeof(BillingSettings);
    public override IEnumerable<Type> RecipeSteps => [typeof(CatalogStep), typeof(BillingStep)];

    public override IEnumerable<ProductArea> ProductAreas =>
    [
        new(BillingRights.Area, new("Ordini e pagamenti", "Orders and payments"),
        [
            new(BillingRights.Pay, new("Ordinare e pagare", "Order and pay")),
        ]),
    ];

    public override IEnumerable<CustomerMenuEntry> CustomerMenu =>
    [
        new("Ordini", "/area/orders", Order: 20),
        new("Servizi", "/area/services", Order: 21),
        new("Credito prepagato", "/area/balance", Order: 22),
    ];

    public override IEnumerable<AdminMenuEntry> AdminMenu =>
    [
        new("Ordini", "/admin/billing/orders", BillingPermissions.View, 20),
        new("Catalogo", "/admin/billing/catalog", BillingPermissions.Catalog, 21),
        new("Convenzioni", "/admin/billing/agreements", BillingPermissions.Catalog, 22),
    ];

    public override IEnumerable<ModuleJob> Jobs =>
    [
        ModuleJob.PerTenant<ExpireOrdersJob>(ExpireOrdersJob.Key, new("Ordini non pagati scaduti", "Unpaid orders expired"), JobSchedule.Every(TimeSpan.FromHours(1))),
    ];

    private const string OrganizationsModuleId = "organizations";

    private const string MailModuleId = "mail";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<BillingDbContext>();
        services.AddSingleton(BillingProducts.Servizio);
        services.AddScoped<ProductTypes>();
        services.AddScoped<Catalog>();
        services.AddScoped<CatalogEditor>();
        services.AddScoped<DocumentNumbers>();
        services.AddScoped<Orders>();
        services.AddScoped<IOrders>(sp => sp.GetRequiredService<Orders>());
        services.AddScoped<Domain.Services>();
        services.AddScoped<IServices>(sp => sp.GetRequiredService<Domain.Services>());
        services.AddScoped<Balances>();
        services.AddScoped<Settlement>();
        services.AddScoped<Payments>();
        services.AddScoped<OrderActions>();
        services.AddScoped<TopUps>();
        services.AddScoped<Renewals>();
        services.AddScoped<IPartnerRevenue, PartnerRevenue>();
        services.AddScoped<ExpireOrdersJob>();
        Handle<OrderPaid, ServizioFulfilment>(services);
    }
}
