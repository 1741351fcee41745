namespace Sportello.Core.Cluster;

/// <summary>
/// "Sportello:Cluster": set <see cref="Redis"/> to run several nodes. The host store must then be on PostgreSQL;
/// Redis carries catalog change messages and the Data Protection key ring, PostgreSQL the Quartz job store.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>StackExchange.Redis configuration string, for example "127.0.0.1:6379".</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of the Redis channel and keys, so several platforms (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "sportello";

    /// <summary>Longest time a node serves from its copy of the catalog before comparing versions with the host store.</summary>
    public TimeSpan CatalogCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the heartbeat job runs (on one node per tick), recording which node ran it.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Redis);
}
