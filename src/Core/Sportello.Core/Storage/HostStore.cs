using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>Where the host catalog lives and how to reach it: App_Data/host.db, or a schema on a PostgreSQL server.</summary>
public sealed class HostStore
{
    public HostStore(IOptions<SportelloOptions> options, StorePaths paths, StoreConnections connections)
    {
        var settings = options.Value.HostStore;
        Provider = settings.Provider;
        ConnectionString = Provider == StoreProvider.Sqlite
            ? new SqliteConnectionStringBuilder { DataSource = paths.HostDatabase, Pooling = true }.ToString()
            : new NpgsqlConnectionStringBuilder(connections.ServerConnectionString(settings.Server)) { SearchPath = settings.Schema }.ToString();
    }

    public StoreProvider Provider { get; }
    public string ConnectionString { get; }
}
