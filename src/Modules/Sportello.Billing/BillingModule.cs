using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.Jobs;
using Sportello.Billing.Providers;
using Sportello.Billing.Providers.Stripe;
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
        new("Rinnovi", "/area/renewals", Order: 21),
        new("Fatture", "/area/invoices", Order: 22),
        new("Credito prepagato", "/area/balance", Order: 23),
        new("Metodi di pagamento", "/area/payment-methods", Order: 24),
    ];

    public override IEnumerable<AdminMenuEntry> AdminMenu =>
    [
        new("Ordini", "/admin/billing/orders", BillingPermissions.View, 20),
        new("Fatture", "/admin/billing/invoices", BillingPermissions.View, 20),
        new("Fatture elettroniche", "/admin/billing/einvoices", BillingPermissions.View, 20),
        new("Catalogo", "/admin/billing/catalog", BillingPermissions.Catalog, 21),
        new("Convenzioni", "/admin/billing/agreements", BillingPermissions.Catalog, 22),
        new("Incassi", "/admin/billing/payments", BillingPermissions.View, 23),
        new("Ricavi mensili", "/admin/billing/revenue", BillingPermissions.View, 24),
        new("Impostazioni di fatturazione", "/admin/billing/settings", BillingPermissions.Settings, 25),
    ];

    public override IEnumerable<ModuleJob> Jobs =>
    [
        ModuleJob.PerTenant<ExpireOrdersJob>(ExpireOrdersJob.Key, new("Ordini non pagati scaduti", "Unpaid orders expired"), JobSchedule.Every(TimeSpan.FromHours(1))),
        ModuleJob.PerTenant<ReconcilePaymentsJob>(ReconcilePaymentsJob.Key, new("Pagamenti riconciliati con i gestori", "Payments reconciled with the providers"), JobSchedule.Every(TimeSpan.FromMinutes(10))),
    ];

    public override void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => Api.BillingWebhooks.Map(endpoints);

    /// <summary>The provider keys are protected with this platform's keys: they cannot travel, the new platform sets its own.</summary>
    public override System.Text.Json.JsonElement ExportSettings(System.Text.Json.JsonElement settings)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(settings.GetRawText())!.AsObject();
        (node["stripe"] as System.Text.Json.Nodes.JsonObject)?.Remove("protectedSecretKey");
        (node["stripe"] as System.Text.Json.Nodes.JsonObject)?.Remove("protectedWebhookSecret");
        (node["payPal"] as System.Text.Json.Nodes.JsonObject)?.Remove("protectedClientSecret");
        return System.Text.Json.JsonSerializer.SerializeToElement(node);
    }

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
        services.AddScoped<Documents>();
        services.AddScoped<EInvoicing>();
        services.AddScoped<FatturaPa.EInvoiceFiles>();
        services.AddScoped<RevenueReport>();
        services.AddScoped<BillingSettingsEditor>();
        services.AddScoped<Pdf.DocumentFiles>();
        services.AddSingleton(Mail.DocumentMail.Default);
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
        services.AddOptions<BillingProviderOptions>().Bind(configuration.GetSection(BillingProviderOptions.Section));
        services.AddScoped<ProviderKeys>();
        services.AddScoped<Checkouts>();
        services.AddScoped<ProviderInbox>();
        services.AddScoped<SavedMethods>();
        services.AddScoped<Reconciliation>();
        services.AddScoped<ReconcilePaymentsJob>();
        services.AddScoped<StripeGateway>();
        services.AddScoped<ICheckoutGateway>(sp => sp.GetRequiredService<StripeGateway>());
        services.AddScoped<IPaymentMethodVault>(sp => sp.GetRequiredService<StripeGateway>());
        services.AddScoped<StripeNotifications>();
        BillingProviderResilience.Add(services.AddHttpClient(StripeGateway.HttpClientName));
        services.AddSingleton<Providers.PayPal.PayPalTokens>();
        BillingProviderResilience.Add(services.AddHttpClient<Providers.PayPal.PayPalClient>());
        services.AddScoped<Providers.PayPal.PayPalGateway>();
        services.AddScoped<ICheckoutGateway>(sp => sp.GetRequiredService<Providers.PayPal.PayPalGateway>());
        services.AddScoped<Providers.PayPal.PayPalNotifications>();
        Handle<OrderPaid, ServizioFulfilment>(services);
        Handle<DocumentIssued, DocumentMailing>(services);
        Handle<DocumentIssued, EInvoiceWriting>(services);
        Handle<OrderPaid, AttemptClosing>(services);
        Handle<OrderCancelled, AttemptClosing>(services);
    }
}
