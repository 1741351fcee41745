using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Storage;

/// <summary>Turns a store description into a connection string, for EF Core and FluentMigrator alike.</summary>
public sealed class StoreConnections(IOptions<SportelloOptions> options, StorePaths paths)
{
    private readonly ConcurrentDictionary<TenantStoreSettings, string> _cache = new();

    public string ConnectionString(TenantStoreSettings store) => _cache.GetOrAdd(store, Build);

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
            Pooling = true,
        }.ToString(),
        StoreProvider.Postgres => new NpgsqlConnectionStringBuilder(ServerConnectionString(store.Server))
        {
            // Unqualified names resolve to the tenant's schema, so one EF model and one set of migrations serve every tenant.
            SearchPath = store.Schema ?? throw new InvalidOperationException("A PostgreSQL store needs a schema."),
        }.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store.Provider, "Unknown store provider."),
    };
}
