using System.Net.Http.Json;
using Sportello.Core.Modules;
using Sportello.Core.Storage;
using Sportello.Core.Tests.TestModules.Notes;
using Sportello.Testing;

namespace Sportello.Core.Tests.Storage;

public abstract class MigrationTests(StoreKind kind) : ProviderTests(kind)
{
    protected override bool Provision => false;

    private TenantStores Stores => App.Services.GetRequiredService<TenantStores>();

    private async Task InsertAtVersionOneAsync(string tenant, int rows)
    {
        await App.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<KernelDbContext>();
            for (var i = 0; i < rows; i++)
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "Notes_Items" ("Id", "Key", "Text") VALUES ({Guid.NewGuid()}, {"k" + i}, {"testo " + i})""");
            }

            return 0;
        });
    }

    [Fact]
    public async Task A_migration_that_adds_a_column_keeps_every_row()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("gamma", "gamma"));
        var settings = App.Registry.Find("gamma")!.Settings;
        Assert.Equal(1, Stores.MigrateModule(settings, "notes", target: 1));
        await InsertAtVersionOneAsync("gamma", 25);

        Assert.Equal(2, Stores.MigrateModule(settings, "notes"));

        var notes = await App.InTenantAsync("gamma", sp => sp.GetRequiredService<NotesDbContext>().Notes.OrderBy(n => n.Key).ToListAsync());
        Assert.Equal(25, notes.Count);
        Assert.Contains(notes, n => n.Key == "k7" && n.Text == "testo 7");
        Assert.All(notes, n => Assert.False(n.Pinned));
    }

    [Fact]
    public async Task A_tenant_behind_the_code_is_upgraded_on_its_first_request()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("delta", "delta"));
        var settings = App.Registry.Find("delta")!.Settings;
        Stores.MigrateModule(settings, "notes", target: 1);
        await InsertAtVersionOneAsync("delta", 3);

        // As if the tenant had run notes v1 and the code was then upgraded to v2.
        await App.Tenants.UpdateAsync("delta", s => s with
        {
            EnabledModules = ["notes"],
            ModuleVersions = new Dictionary<string, long>(s.ModuleVersions) { ["notes"] = 1 },
        });
        Assert.True(App.Registry.Find("delta")!.NeedsUpgrade);

        var notes = await App.ClientFor().GetFromJsonAsync<List<Note>>("/delta/api/notes");

        Assert.Equal(3, notes!.Count);
        Assert.Equal(2, App.Registry.Find("delta")!.Settings.ModuleVersions["notes"]);
        Assert.False(App.Registry.Find("delta")!.NeedsUpgrade);
    }

    [Fact]
    public async Task A_failed_migration_names_itself_and_keeps_the_previous_version()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("eps", "eps"));

        var ex = await Assert.ThrowsAsync<MigrationFailedException>(() => App.Tenants.EnableModulesAsync("eps", ["broken"]));

        Assert.Equal("broken", ex.Owner);
        Assert.Equal(2, ex.Version);
        Assert.Contains("M0002_Fails", ex.Message);
        var tenant = App.Registry.Find("eps")!.Settings;
        Assert.DoesNotContain("broken", tenant.EnabledModules);
        Assert.False(tenant.ModuleVersions.ContainsKey("broken"));

        var tables = await App.InTenantAsync("eps", async sp =>
        {
            var db = sp.GetRequiredService<KernelDbContext>();
            var sql = Kind == StoreKind.Sqlite
                ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 't_eps'";
            return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        });
        Assert.Contains("Broken_Things", tables);     // migration 1 stayed
        Assert.DoesNotContain("Broken_Half", tables); // migration 2 was rolled back whole
        Assert.Equal(1, Stores.MigrateModule(tenant, "broken", target: 1));
    }

    [Fact]
    public async Task A_tenant_whose_upgrade_fails_answers_a_maintenance_page_and_keeps_its_data()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("eta", "eta"));
        await App.Tenants.UpdateAsync("eta", s => s with { EnabledModules = ["broken"] });

        var response = await App.ClientFor().GetAsync("/eta/");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("manutenzione", await response.Content.ReadAsStringAsync());
        Assert.Equal("60", response.Headers.RetryAfter?.ToString());
        Assert.True(App.Registry.Find("eta")!.NeedsUpgrade); // tried again on the next request
    }

    [Fact]
    public async Task Kernel_tables_are_versioned_per_tenant()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("zeta", "zeta", ["notes"]));
        var versions = App.Registry.Find("zeta")!.Settings.ModuleVersions;
        Assert.Equal(KernelStore.LatestMigration, versions[ModuleCatalog.KernelId]);
        Assert.Equal(2, versions["notes"]);
    }
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(StoreKind.Sqlite);

public sealed class MigrationTestsOnPostgres() : MigrationTests(StoreKind.Postgres);
