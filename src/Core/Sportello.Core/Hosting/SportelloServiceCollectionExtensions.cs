using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quartz;
using Sportello.Core.Cluster;
using Sportello.Core.Events;
using Sportello.Core.Jobs;
using Sportello.Core.Localization;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Recipes.Steps;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Hosting;

public static class SportelloServiceCollectionExtensions
{
    /// <summary>
    /// Wires the kernel and every module into one container shared by all tenants. Modules are discovered from the
    /// application's references unless <paramref name="modules"/> names them.
    /// </summary>
    public static WebApplicationBuilder AddSportello(this WebApplicationBuilder builder, IEnumerable<Module>? modules = null)
    {
        var services = builder.Services;
        var catalog = new ModuleCatalog(modules ?? ModuleDiscovery.FromDependencyContext());

        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        services.AddOptions<SportelloOptions>().Bind(builder.Configuration.GetSection(SportelloOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(catalog);
        services.AddSingleton<StorePaths>();
        services.AddSingleton<StoreConnections>();
        services.AddSingleton<StoreMigrator>();
        services.AddSingleton<HostStore>();
        services.AddSingleton<HostLocks>();
        services.AddSingleton<TenantCatalog>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<KnownHosts>();
        services.AddSingleton<ReservedPaths>();
        services.AddSingleton<TenantStores>();
        services.AddSingleton<TenantService>();
        services.AddScoped<TenantContext>();
        services.AddScoped<TenantLinks>();
        services.AddSingleton<OutboundAddresses>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<EventHandlers>();
        services.AddHttpContextAccessor();
        services.AddScoped<Sportello.Core.Audit.IAuditLog, Sportello.Core.Audit.TenantAuditLog>();
        services.AddSingleton<Sportello.Core.Audit.AuditActionCatalog>();
        services.AddScoped<Sportello.Core.Files.ITenantFiles, Sportello.Core.Files.TenantFiles>();
        services.AddScoped(typeof(Integration<>));
        Sportello.Core.Messaging.TextMessageServices.Add(services, builder.Configuration);
        services.AddScoped<Sportello.Core.Lifecycles.LifecycleTransitions>();
        services.AddScoped<Sportello.Core.Web.CustomerArea>();
        Sportello.Core.Web.TenantOpenApi.Add(services);
        services.AddScoped<OutboxInterceptor>();
        services.AddTenantDbContext<KernelDbContext>();

        services.AddTransient<RecipeExecutor>();
        services.AddRecipeStep<TenantStep>();
        services.AddRecipeStep<ModulesStep>();
        services.AddRecipeStep<SettingsStep>();
        services.AddRecipeStep<BrandingStep>();
        services.AddRecipeStep<LimitsStep>();
        services.AddScoped<PlanLimits>();
        services.AddScoped<TenantRecipeExporter>();
        foreach (var module in catalog.Ordered)
        {
            foreach (var step in module.RecipeSteps)
            {
                services.AddTransient(typeof(IRecipeStep), step);
            }
        }

        var settings = builder.Configuration.GetSection(SportelloOptions.Section).Get<SportelloOptions>() ?? new SportelloOptions();
        services.AddSingleton<TenantJobRunner>();
        services.AddSingleton<CatalogFreshness>();
        services.AddHostedService<SportelloStartup>();
        services.AddSingleton<TenantCaches>();
        services.AddSingleton<TenantIdleSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<TenantIdleSweep>());
        services.AddSingleton<ITenantCache>(sp => sp.GetRequiredService<StoreConnections>());
        services.AddSingleton<ITenantCache, TenantOutputCacheRelease>();
        services.AddSingleton<TenantPageCache>();
        if (settings.Cluster.Enabled)
        {
            ClusterServices.Add(services, settings);
        }
        else
        {
            services.AddDistributedMemoryCache();
            services.AddSingleton<ICatalogChangeNotifier, SingleNodeChangeNotifier>();
        }

        var jobs = new ScheduledJobs(KernelJobs.For(settings), catalog);
        services.AddSingleton(jobs);
        services.AddSingleton<JobRunLog>();
        services.AddSingleton<JobRequests>();
        foreach (var job in jobs.All)
        {
            services.TryAddScoped(job.Job.Work);
        }

        services.AddQuartz(q =>
        {
            JobScheduling.Add(q, jobs);
            if (settings.Cluster.Enabled)
            {
                ClusterServices.AddClusteredScheduler(q, settings);
            }
        });
        services.AddHostedService<JobReconciliation>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        AddSecurity(services, settings);
        RateLimits.Add(services, settings.RateLimits);
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(SportelloCultures.Configure);
        services.AddRazorPages(o =>
        {
            o.Conventions.Add(new ModulePageConvention(catalog));
            o.Conventions.ConfigureFilter(new Web.UnmatchedPostFilter());
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.ModelMetadataDetailsProviders.Add(new Web.EmptyStringsStayEmpty()));
        services.AddOutputCache(o => o.AddPolicy(TenantOutputCachePolicy.Name, new TenantOutputCachePolicy()));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddHealthChecks().AddCheck<HostStoreHealthCheck>("host-store", tags: ["ready"]);

        foreach (var module in catalog.Ordered)
        {
            module.ConfigureServices(services, builder.Configuration);
        }

        return builder;
    }

    /// <summary>
    /// Data protection, cookies and authorization shared by all tenants but isolated between them: one key ring,
    /// with every protector scoped to the current tenant; cookie names that carry the tenant; permission policies.
    /// </summary>
    private static void AddSecurity(IServiceCollection services, SportelloOptions settings)
    {
        services.AddDataProtection().SetApplicationName("Sportello");
        if (!settings.Cluster.Enabled)
        {
            services.AddOptions<KeyManagementOptions>().Configure<StorePaths, ILoggerFactory>((o, paths, logs) =>
                o.XmlRepository ??= new FileSystemXmlRepository(new DirectoryInfo(paths.Keys), logs));
        }

        var original = services.Last(d => d.ServiceType == typeof(IDataProtectionProvider));
        services.Remove(original);
        services.AddSingleton(sp => new TenantDataProtectionProvider(
            (IDataProtectionProvider)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        services.AddSingleton<IDataProtectionProvider>(sp => sp.GetRequiredService<TenantDataProtectionProvider>());
        services.AddSingleton<ITenantCache>(sp => sp.GetRequiredService<TenantDataProtectionProvider>());

        services.AddAntiforgery(o =>
        {
            o.HeaderName = ApiAntiforgery.HeaderName;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true; // every answer says DENY already (SecurityHeaders)
        });
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie = new TenantCookieBuilder(o.Cookie, ".sportello.af"));
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionClaimHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationResults>();
    }

    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services) where TStep : class, IRecipeStep =>
        services.AddTransient<IRecipeStep, TStep>();

    /// <summary>
    /// Registers a handler of an event and makes the event known to the outbox. Modules call
    /// <see cref="Module.Handle{TEvent, THandler}"/>, which passes their id, so the handler runs only where they are enabled.
    /// </summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services, string? moduleId, string? name = null)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        DomainEventTypes.Register(typeof(TEvent));
        services.TryAddScoped<THandler>();
        return services.AddSingleton(EventHandlerDescriptor.For<TEvent, THandler>(moduleId, name));
    }
}
