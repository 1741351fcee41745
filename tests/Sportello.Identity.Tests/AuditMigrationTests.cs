using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Storage;
using Sportello.Testing;

namespace Sportello.Identity.Tests;

/// <summary>Identity's old audit table moves into the kernel's log with every entry, on both stores.</summary>
public abstract class AuditMigrationTests(StoreKind kind) : IAsyncLifetime
{
    private SportelloApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SportelloApp.StartAsync(kind, provision: false);
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("storico", "storico", []));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_old_entries_are_kept_with_actor_subject_and_details()
    {
        var settings = _app.Registry.Find("storico")!.Settings;
        var stores = _app.Services.GetRequiredService<TenantStores>();
        Assert.Equal(3, stores.MigrateModule(settings, "identity", target: 3));
        var occurred = new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);
        await _app.InTenantAsync("storico", async sp =>
        {
            var db = sp.GetRequiredService<KernelDbContext>().Database;
            await db.ExecuteSqlAsync($"""
                INSERT INTO "Identity_Users" ("Id", "DisplayName", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "CreatedUtc")
                VALUES ('u-admin', 'Giulia Ferri', 'giulia@example.it', 'GIULIA@EXAMPLE.IT', 'giulia@example.it', 'GIULIA@EXAMPLE.IT', {true}, {false}, {false}, {true}, 0, {occurred})
                """);
            await db.ExecuteSqlAsync($"""
                INSERT INTO "Identity_Audit" ("Id", "OccurredUtc", "Action", "SubjectUserId", "SubjectEmail", "ActorUserId", "IpAddress", "Detail")
                VALUES ({Guid.NewGuid()}, {occurred}, 'user-locked', 'u-cliente', 'cliente@example.it', 'u-admin', '203.0.113.9', NULL),
                       ({Guid.NewGuid()}, {occurred.AddMinutes(1)}, 'tenant-suspended', NULL, NULL, 'u-admin', '203.0.113.9', 'demo'),
                       ({Guid.NewGuid()}, {occurred.AddMinutes(2)}, 'sign-in-failed', NULL, 'nessuno@example.it', NULL, '198.51.100.4', 'password "sbagliata"')
                """);
            return 0;
        });

        Assert.Equal(4, stores.MigrateModule(settings, "identity", target: 4));

        var entries = await _app.InTenantAsync("storico", sp => sp.GetRequiredService<KernelDbContext>().Set<AuditEntry>()
            .AsNoTracking().OrderBy(a => a.OccurredUtc).ToListAsync());
        Assert.Equal(3, entries.Count);

        var locked = entries[0];
        Assert.Equal(("identity.user-locked", "user", "u-admin", "Giulia Ferri"), (locked.Action, locked.ActorKind, locked.ActorId, locked.ActorName));
        Assert.Equal(("user", "u-cliente", "cliente@example.it"), (locked.SubjectType, locked.SubjectId, locked.SubjectName));
        Assert.Equal(occurred, locked.OccurredUtc);
        Assert.Equal("203.0.113.9", locked.IpAddress);

        var suspended = entries[1];
        Assert.Equal(("tenants.suspended", "tenant"), (suspended.Action, suspended.SubjectType));
        Assert.Equal("demo", suspended.DetailText());

        var failed = entries[2];
        Assert.Equal(("identity.sign-in-failed", "system", "sistema"), (failed.Action, failed.ActorKind, failed.ActorName));
        Assert.Equal("password \"sbagliata\"", failed.DetailText()); // quotes survive the move into JSON

        var old = await _app.InTenantAsync("storico", async sp =>
        {
            var connection = sp.GetRequiredService<KernelDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = kind == StoreKind.Sqlite
                ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Identity_Audit'"
                : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'Identity_Audit' AND table_schema = current_schema()";
            return Convert.ToInt32(await command.ExecuteScalarAsync());
        });
        Assert.Equal(0, old);
    }
}

public sealed class AuditMigrationTestsOnSqlite() : AuditMigrationTests(StoreKind.Sqlite);

public sealed class AuditMigrationTestsOnPostgres() : AuditMigrationTests(StoreKind.Postgres);
