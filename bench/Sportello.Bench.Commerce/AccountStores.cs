using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;

namespace Sportello.Bench.Commerce;

/// <summary>
/// The stores the benchmark searches, each a tenant store migrated by the real migrations and filled with the same
/// generated accounts: SQLite, PostgreSQL, and PostgreSQL migrated only up to before the search indexes (the baseline).
/// </summary>
public static class AccountStores
{
    public const int Accounts = 100_000;
    public const string SqliteVariable = "SPORTELLO_BENCH_COMMERCE_SQLITE";
    public const string PostgresVariable = "SPORTELLO_BENCH_COMMERCE_POSTGRES";

    private const string KernelMigrations = "Sportello.Core.Storage.KernelMigrations";

    /// <summary>Identity's migration before M0007 (the search indexes).</summary>
    private const long BeforeSearchIndexes = 6;

    /// <summary>What the Host's Identity sets: schema version 3 (passkeys), which the context's model reads.</summary>
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public static IdentityStoreDbContext Open(string store)
    {
        var options = new DbContextOptionsBuilder<IdentityStoreDbContext>().UseApplicationServiceProvider(IdentityServices);
        _ = store == "Sqlite"
            ? options.UseSqlite(Environment.GetEnvironmentVariable(SqliteVariable))
            : options.UseNpgsql(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { SearchPath = Schema(store) }.ToString());
        return new IdentityStoreDbContext(options.Options);
    }

    public static string Schema(string store) => store == "Postgres" ? "indexed" : "unindexed";

    public static void CreateSqlite(string file)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        Migrate(StoreProvider.Sqlite, cs, null);
        Environment.SetEnvironmentVariable(SqliteVariable, cs);
        Fill("Sqlite");
    }

    public static void CreatePostgres(string database)
    {
        using (var connection = new NpgsqlConnection(database))
        {
            connection.Open();
            foreach (var store in new[] { "Postgres", "PostgresWithoutIndexes" })
            {
                using var create = new NpgsqlCommand($"CREATE SCHEMA \"{Schema(store)}\"", connection);
                create.ExecuteNonQuery();
            }
        }

        Environment.SetEnvironmentVariable(PostgresVariable, database);
        Migrate(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(database) { SearchPath = Schema("Postgres") }.ToString(), null);
        Migrate(StoreProvider.Postgres, new NpgsqlConnectionStringBuilder(database) { SearchPath = Schema("PostgresWithoutIndexes") }.ToString(), BeforeSearchIndexes);
        Fill("Postgres");
        Fill("PostgresWithoutIndexes");
        using var analyze = new NpgsqlConnection(database);
        analyze.Open();
        using var command = new NpgsqlCommand("ANALYZE indexed.\"Identity_Users\"; ANALYZE unindexed.\"Identity_Users\"; ANALYZE indexed.\"Identity_UserRoles\"; ANALYZE unindexed.\"Identity_UserRoles\";", analyze);
        command.ExecuteNonQuery();
    }

    private static void Migrate(StoreProvider provider, string cs, long? identityTarget)
    {
        var migrator = new StoreMigrator(NullLoggerFactory.Instance);
        migrator.Migrate(provider, cs, "kernel", typeof(StoreMigrator).Assembly, KernelMigrations);
        migrator.Migrate(provider, cs, "identity", typeof(SportelloUser).Assembly, "Sportello.Identity.Migrations", identityTarget);
    }

    /// <summary>Accounts with Italian names, a customer role each, one in fifty deactivated, and twenty staff.</summary>
    private static void Fill(string store)
    {
        using var db = Open(store);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var customer = new SportelloRole { Id = Guid.NewGuid().ToString(), Name = "Customer", NormalizedName = "CUSTOMER" };
        var staff = new SportelloRole { Id = Guid.NewGuid().ToString(), Name = "Operator", NormalizedName = "OPERATOR" };
        db.Roles.AddRange(customer, staff);
        db.SaveChanges();
        var random = new Random(2026);
        for (var batch = 0; batch < Accounts / 5_000; batch++)
        {
            for (var i = batch * 5_000; i < (batch + 1) * 5_000; i++)
            {
                var (first, last) = (Names.First[random.Next(Names.First.Length)], Names.Last[random.Next(Names.Last.Length)]);
                var email = $"{first}.{last}.{i:D6}@{Names.Domains[i % Names.Domains.Length]}".ToLowerInvariant();
                var user = new SportelloUser
                {
                    Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"{first} {last}",
                    CreatedUtc = DateTime.UtcNow.AddDays(-random.Next(1, 2000)), LastSignInUtc = DateTime.UtcNow.AddHours(-random.Next(1, 5000)),
                    SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, LockoutEnd = i % 50 == 7 ? DateTimeOffset.MaxValue : null,
                };
                db.Users.Add(user);
                db.UserRoles.Add(new() { UserId = user.Id, RoleId = i < 20 ? staff.Id : customer.Id });
            }

            db.SaveChanges();
            db.ChangeTracker.Clear();
        }
    }
}
