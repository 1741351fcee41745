using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using FluentMigrator.Runner.Conventions;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Storage;

/// <summary>
/// Applies one owner's FluentMigrator migrations to one store, each migration in its own transaction.
/// The same migration classes run on SQLite and PostgreSQL.
/// </summary>
public sealed class StoreMigrator(ILoggerFactory loggerFactory)
{
    /// <summary>Applies pending migrations up to <paramref name="target"/> (all when null) and returns the version reached.</summary>
    public long Migrate(StoreProvider provider, string connectionString, string owner, Assembly assembly, string ns, long? target = null)
    {
        // FluentMigrator's PostgreSQL generator writes "public" where a migration names no schema, so the tenant's
        // schema is made the default explicitly; SQLite has no schemas.
        var schema = provider == StoreProvider.Postgres ? new NpgsqlConnectionStringBuilder(connectionString).SearchPath ?? string.Empty : string.Empty;
        using var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (provider == StoreProvider.Sqlite)
                {
                    runner.AddSQLite();
                }
                else
                {
                    runner.AddPostgres();
                }

                runner.WithGlobalConnectionString(connectionString)
                    .WithVersionTable(new VersionTable(owner, schema))
                    .ScanIn(assembly).For.Migrations();
            })
            .AddScoped<FluentMigrator.Runner.Generators.SQLite.ISQLiteTypeMap, SqliteTypeMap>()
            .AddSingleton<IConventionSet>(new DefaultConventionSet(schema, workingDirectory: null))
            .Configure<TypeFilterOptions>(filter =>
            {
                filter.Namespace = ns;
                filter.NestedNamespaces = true;
            })
            .BuildServiceProvider(validateScopes: false);

        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        var versions = scope.ServiceProvider.GetRequiredService<IVersionLoader>();
        long reached = 0;
        foreach (var (version, info) in scope.ServiceProvider.GetRequiredService<IMigrationInformationLoader>().LoadMigrations())
        {
            if (target is not null && version > target)
            {
                break;
            }

            if (!versions.VersionInfo.HasAppliedMigration(version))
            {
                try
                {
                    runner.MigrateUp(version);
                }
                catch (Exception ex)
                {
                    throw new MigrationFailedException(owner, version, info.Migration.GetType().Name, ex.InnerException ?? ex);
                }
            }

            reached = version;
        }

        return reached;
    }
}
