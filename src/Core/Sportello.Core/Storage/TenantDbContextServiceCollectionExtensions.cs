using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Events;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

public static class TenantDbContextServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's context, scoped, built for whichever tenant the scope belongs to. One EF model serves every
    /// tenant: only the connection differs (a SQLite file, or a PostgreSQL search path).
    /// </summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services) where TContext : TenantDbContext =>
        services.AddDbContext<TContext>((provider, options) =>
        {
            var tenant = provider.GetRequiredService<TenantContext>().Settings;
            var connectionString = provider.GetRequiredService<StoreConnections>().ConnectionString(tenant.Store);
            options.UseStore(tenant.Store.Provider, connectionString)
                .AddInterceptors(provider.GetRequiredService<OutboxInterceptor>());
        });
}
