using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Storage;

/// <summary>
/// Turns a store description into connection strings. PostgreSQL tenants share one pool per server, each connection
/// pointed at the tenant's schema when it is opened (see <see cref="SearchPathInterceptor"/>). A SQLite store is
/// pooled for queries while its tenant is active: opening the file, reading its schema and closing it (which
/// checkpoints the WAL) costs about half a millisecond, several times a request. The pool is emptied when the tenant
/// goes idle (and Microsoft.Data.Sqlite prunes connections left unused), so idle tenants hold no file open.
/// </summary>
public sealed class StoreConnections(IOptions<SportelloOptions> options, StorePaths paths) : ITenantCache, IDisposable
{
    private readonly ConcurrentDictionary<TenantStoreSettings, string> _schema = new();
    private readonly ConcurrentDictionary<TenantStoreSettings, string> _queries = new();

    /// <summary>For queries: the SQLite file's pool, or the server's shared pool (schema set per connection).</summary>
    public string ForQueries(TenantStoreSettings store) => store.Provider == StoreProvider.Sqlite
        ? _queries.GetOrAdd(store, s => new SqliteConnectionStringBuilder(ForSchema(s)) { Pooling = true }.ToString())
        : ServerConnectionString(store.Server);

    /// <summary>For creating, migrating and dropping: the connection itself names the schema (PostgreSQL: a short-lived pool).</summary>
    public string ForSchema(TenantStoreSettings store) => _schema.GetOrAdd(store, Build);

    /// <summary>Drops the cached strings and closes the store's idle pooled SQLite connections.</summary>
    public void Forget(TenantStoreSettings store)
    {
        _schema.TryRemove(store, out _);
        if (_queries.TryRemove(store, out var pooled))
        {
            ClearPool(pooled);
        }
    }

    /// <summary>The host is stopping: its SQLite files are closed, not left to the pool's pruning.</summary>
    public void Dispose()
    {
        foreach (var pooled in _queries.Values)
        {
            ClearPool(pooled);
        }

        _queries.Clear();
    }

    private static void ClearPool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    ValueTask ITenantCache.ReleaseAsync(Tenant tenant, CancellationToken ct)
    {
        Forget(tenant.Settings.Store);
        return ValueTask.CompletedTask;
    }

    /// <summary>The configured connection string of a PostgreSQL server, or a clear error naming it.</summary>
    public string ServerConnectionString(string? server)
    {
        if (string.IsNullOrWhiteSpace(server) || !options.Value.Postgres.Servers.TryGetValue(server, out var cs) || string.IsNullOrWhiteSpace(cs))
        {
            throw new SportelloValidationException("store.server", $"Il server PostgreSQL '{server}' non è configurato (Sportello:Postgres:Servers).");
        }

        return cs;
    }

    public bool IsKnownServer(string? server) =>
        !string.IsNullOrWhiteSpace(server) && options.Value.Postgres.Servers.ContainsKey(server);

    private string Build(TenantStoreSettings store) => store.Provider switch
    {
        StoreProvider.Sqlite => new SqliteConnectionStringBuilder
        {
            DataSource = paths.Resolve(store.Location ?? throw new InvalidOperationException("A SQLite store needs a location.")),
            Pooling = false,
        }.ToString(),
        // Creating and migrating a store opens a dozen connections in a row, and a new PostgreSQL connection costs
        // tens of milliseconds (process start, authentication): a small pool that empties itself within seconds
        // serves that burst without leaving one idle connection per tenant behind.
        StoreProvider.Postgres => new NpgsqlConnectionStringBuilder(ServerConnectionString(store.Server))
        {
            SearchPath = store.Schema ?? throw new InvalidOperationException("A PostgreSQL store needs a schema."),
            Pooling = true,
            MaxPoolSize = 2,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store.Provider, "Unknown store provider."),
    };
}
