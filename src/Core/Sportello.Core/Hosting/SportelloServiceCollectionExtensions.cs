using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Quartz;
using Sportello.Core.Events;
using Sportello.Core.Jobs;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Recipes.Steps;
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
        services.AddSingleton<TenantCatalog>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantStores>();
        services.AddSingleton<TenantService>();
        services.AddScoped<TenantContext>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<OutboxInterceptor>();
        services.AddTenantDbContext<KernelDbContext>();

        services.AddTransient<RecipeExecutor>();
        services.AddRecipeStep<TenantStep>();
        services.AddRecipeStep<ModulesStep>();
        services.AddRecipeStep<SettingsStep>();
        foreach (var module in catalog.Ordered)
        {
            foreach (var step in module.RecipeSteps)
            {
                services.AddTransient(typeof(IRecipeStep), step);
            }
        }

        services.AddSingleton<TenantJobRunner>();
        services.AddHostedService<SportelloStartup>();
        services.AddQuartz(q =>
        {
            var interval = builder.Configuration.GetValue<TimeSpan?>($"{SportelloOptions.Section}:Outbox:PollInterval") ?? new OutboxOptions().PollInterval;
            q.AddJob<OutboxDispatcherJob>(j => j.WithIdentity(OutboxDispatcherJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(OutboxDispatcherJob.Key).WithIdentity("outbox-dispatcher-trigger", "kernel")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.AddRazorPages(o => o.Conventions.Add(new ModulePageConvention(catalog)));
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

    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services) where TStep : class, IRecipeStep =>
        services.AddTransient<IRecipeStep, TStep>();

    /// <summary>Registers an event handler and makes its event type known to the outbox.</summary>
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        DomainEventTypes.Register<TEvent>();
        return services.AddScoped<IDomainEventHandler<TEvent>, THandler>();
    }
}
