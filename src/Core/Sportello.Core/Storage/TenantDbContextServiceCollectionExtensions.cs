using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Events;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

public static class TenantDbContextServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's context, scoped, built for whichever tenant the scope belongs to. One EF model serves every
    /// tenant: only the connection differs (a SQLite file, or a PostgreSQL search path). Tables are never
    /// schema-qualified, which is what lets the same migrations and model work on both providers.
    /// </summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddDbContext<TContext>((provider, options) =>
        {
            var store = provider.GetRequiredService<TenantContext>().Settings.Store;
            options.UseStore(store.Provider, provider.GetRequiredService<StoreConnections>().ForQueries(store))
                .AddInterceptors(provider.GetRequiredService<OutboxInterceptor>());
            if (store.Provider == StoreProvider.Postgres)
            {
                options.AddInterceptors(new SearchPathInterceptor(store.Schema!));
            }
        });
}
