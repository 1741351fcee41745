using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using StackExchange.Redis;

namespace Sportello.Core.Cluster;

/// <summary>
/// Catalog change messages over Redis publish/subscribe. A message carries only the tenant's name: the receiver
/// reads the record from the catalog, which stays the only source of truth (a removed tenant is simply not found).
/// </summary>
internal sealed class RedisCatalogChanges(
    IConnectionMultiplexer redis,
    TenantCatalog catalog,
    TenantRegistry registry,
    IOutputCacheStore pages,
    IEnumerable<ITenantContentListener> listeners,
    IOptions<SportelloOptions> options,
    ILogger<RedisCatalogChanges> logger) : ICatalogChangeNotifier, IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.Cluster.KeyPrefix + ":catalog");
    private readonly RedisChannel _pagesChannel = RedisChannel.Literal(options.Value.Cluster.KeyPrefix + ":pages");

    public void Changed(string tenant) =>
        redis.GetSubscriber().Publish(_channel, tenant, CommandFlags.FireAndForget);

    public void PagesChanged(string tenant) =>
        redis.GetSubscriber().Publish(_pagesChannel, tenant, CommandFlags.FireAndForget);

    public async Task StartAsync(CancellationToken ct)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(_channel);
        queue.OnMessage(async message =>
        {
            var name = (string?)message.Message;
            if (string.IsNullOrEmpty(name))
            {
                return;
            }

            try
            {
                if (await catalog.FindAsync(name) is { } settings)
                {
                    registry.Apply(settings);
                }
                else
                {
                    registry.Remove(name);
                }
            }
            catch (Exception ex)
            {
                // The next catalog version check picks the change up.
                logger.LogWarning(ex, "Catalog change for tenant {TenantName} could not be applied", name);
            }
        });

        // Our own messages come back too; evicting twice, or telling a listener twice, is harmless.
        var evictions = await redis.GetSubscriber().SubscribeAsync(_pagesChannel);
        evictions.OnMessage(async message =>
        {
            if ((string?)message.Message is { Length: > 0 } name)
            {
                await pages.EvictByTagAsync(TenantOutputCachePolicy.Tag(name), CancellationToken.None);
                foreach (var listener in listeners)
                {
                    listener.ContentChanged(name);
                }
            }
        });
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await redis.GetSubscriber().UnsubscribeAsync(_channel);
        await redis.GetSubscriber().UnsubscribeAsync(_pagesChannel);
    }
}
