using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;
using StackExchange.Redis;

namespace Sportello.Core.Cluster;

/// <summary>What changes when several nodes share one catalog: Redis for change messages and keys, Quartz clustered on PostgreSQL.</summary>
internal static class ClusterServices
{
    public static void Add(IServiceCollection services, SportelloOptions settings)
    {
        if (settings.HostStore.Provider != StoreProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Sportello:Cluster needs the host store on PostgreSQL (Sportello:HostStore:Provider = Postgres): every node must read the same catalog.");
        }

        // Connecting lazily would hide a wrong address until the first sign-in; fail at start instead.
        var redis = ConnectionMultiplexer.Connect(settings.Cluster.Redis!);
        services.AddSingleton<IConnectionMultiplexer>(redis);
        services.AddSingleton<RedisCatalogChanges>();
        services.AddSingleton<ICatalogChangeNotifier>(sp => sp.GetRequiredService<RedisCatalogChanges>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RedisCatalogChanges>());

        // Short-lived shared state (sign-in attempts, say) is the same on every node.
        services.AddStackExchangeRedisCache(o =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis);
            o.InstanceName = settings.Cluster.KeyPrefix + ":cache:";
        });

        // One key ring for every node, so a cookie issued by one is read by all.
        var keys = new RedisKey(settings.Cluster.KeyPrefix + ":data-protection-keys");
        services.AddOptions<KeyManagementOptions>().Configure(o => o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), keys));
    }

    public static void AddClusteredScheduler(IQuartzBuilder quartz, SportelloOptions settings)
    {
        var server = settings.Postgres.Servers.GetValueOrDefault(settings.HostStore.Server ?? string.Empty)
            ?? throw new InvalidOperationException($"The host store's PostgreSQL server '{settings.HostStore.Server}' is not configured (Sportello:Postgres:Servers).");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = settings.HostStore.Schema }.ToString();

        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(pg => pg.ConnectionString = connectionString);
            store.ConfigureStore(o => o.TablePrefix = "qrtz_");

            // Creates the qrtz_ tables in the host schema on first start; Quartz tolerates nodes racing to do it.
            store.ProvisionSchema();
            store.UseClustering(c =>
            {
                c.CheckinInterval = TimeSpan.FromSeconds(5);
                c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
            });
        });

        quartz.AddJob<ClusterHeartbeatJob>(j => j.WithIdentity(ClusterHeartbeatJob.Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(ClusterHeartbeatJob.Key).WithIdentity("cluster-heartbeat-trigger", "kernel")
            .StartAt(AlignedStart(settings.Cluster.HeartbeatInterval)).WithSimpleSchedule(s => s.WithInterval(settings.Cluster.HeartbeatInterval).RepeatForever()));
    }

    /// <summary>
    /// The next multiple of <paramref name="interval"/> since the epoch. Every node that starts replaces the shared
    /// triggers with its own copy; starting on the same grid keeps the ticks where they were instead of adding
    /// a shifted series at each start.
    /// </summary>
    public static DateTimeOffset AlignedStart(TimeSpan interval, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcTicks;
        var step = Math.Max(interval.Ticks, TimeSpan.TicksPerSecond);
        return new DateTimeOffset((now / step + 1) * step, TimeSpan.Zero);
    }
}
