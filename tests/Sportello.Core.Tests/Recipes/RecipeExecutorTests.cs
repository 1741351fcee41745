using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;
using Sportello.Testing;

namespace Sportello.Core.Tests.Recipes;

public abstract class RecipeExecutorTests(StoreKind kind) : ProviderTests(kind)
{
    private async Task<RecipeException> Refused(string json, string? tenant = null)
    {
        var before = App.Registry.All.Select(t => (t.Name, t.Settings.Version)).ToList();
        var ex = await Assert.ThrowsAsync<RecipeException>(() => App.RunRecipeAsync(json, tenant));
        var catalog = await App.Services.GetRequiredService<Sportello.Core.Storage.TenantCatalog>().LoadAllAsync();
        Assert.Equal(before.OrderBy(x => x.Name), catalog.Select(t => (t.Name, t.Version)).OrderBy(x => x.Name));
        return ex;
    }

    [Fact]
    public async Task Running_a_recipe_twice_changes_nothing_the_second_time()
    {
        var folder = RecipeFolder.Resolve("recipes");
        var before = App.Registry.Find("demo")!.Settings;
        Task<int> OutboxAsync() => App.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Core.Storage.KernelDbContext>().Outbox.CountAsync());
        var eventsBefore = await OutboxAsync();

        await App.RunRecipeFileAsync(Path.Combine(folder, "reseller-demo.recipe.json"));

        var after = App.Registry.Find("demo")!.Settings;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.UpdatedUtc, after.UpdatedUtc);
        Assert.True(eventsBefore > 0); // the first run set the home page and created the organizations
        Assert.Equal(eventsBefore, await OutboxAsync()); // the second raised nothing: nothing changed
    }

    [Fact]
    public async Task A_new_tenant_is_created_running_with_its_modules()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("nuovo", "nuovo", ["notes-extra"]));

        var tenant = App.Registry.Find("nuovo")!;
        Assert.Equal(TenantState.Running, tenant.Settings.State);
        Assert.Equal(["notes", "notes-extra"], tenant.Settings.EnabledModules);
        Assert.Equal(2, tenant.Settings.ModuleVersions["notes"]);
        Assert.Equal(Kind == StoreKind.Sqlite ? StoreProvider.Sqlite : StoreProvider.Postgres, tenant.Settings.Store.Provider);
    }

    [Fact]
    public async Task Unknown_step_is_refused_with_its_index_and_the_known_steps()
    {
        var ex = await Refused("""{ "name": "x", "steps": [ { "step": "tenant", "name": "x1", "prefix": "x1" }, { "step": "magia" } ] }""");
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(1, problem.StepIndex);
        Assert.Equal("$.steps[1].step", problem.Path);
        Assert.Contains("magia", problem.Message);
        Assert.Contains("modules", problem.Message);
        Assert.Null(App.Registry.Find("x1"));
    }

    [Fact]
    public async Task A_typo_in_a_property_is_refused()
    {
        var ex = await Refused("""{ "name": "x", "steps": [ { "step": "tenant", "name": "x2", "prefx": "x2" } ] }""");
        Assert.Contains("prefx", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public async Task A_missing_required_property_is_refused()
    {
        var ex = await Refused("""{ "name": "x", "steps": [ { "step": "tenant", "prefix": "x3" } ] }""");
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(0, problem.StepIndex);
        Assert.Contains("name", problem.Message);
    }

    [Fact]
    public async Task A_wrong_type_is_refused_with_its_path()
    {
        var ex = await Refused("""{ "name": "x", "steps": [ { "step": "tenant", "name": "x4", "hosts": "not-a-list" } ] }""");
        Assert.Equal("$.steps[0].hosts", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public async Task Invalid_values_are_all_reported_with_paths()
    {
        var ex = await Refused("""
            { "name": "x", "steps": [ { "step": "tenant", "name": "Bad_Name", "hosts": ["ok.example", "bad host"],
              "culture": "xx-XX", "timeZone": "Mars/Base", "currency": "USD", "branding": { "primaryColor": "red;}" } } ] }
            """);
        var paths = ex.Problems.Select(p => p.Path).ToList();
        Assert.Contains("$.steps[0].name", paths);
        Assert.Contains("$.steps[0].hosts[1]", paths);
        Assert.Contains("$.steps[0].culture", paths);
        Assert.Contains("$.steps[0].timeZone", paths);
        Assert.Contains("$.steps[0].currency", paths);
        Assert.Contains("$.steps[0].branding.primaryColor", paths);
    }

    [Fact]
    public async Task A_later_bad_step_stops_the_recipe_before_the_first_step_runs()
    {
        var ex = await Refused("""
            { "name": "x", "steps": [
              { "step": "tenant", "name": "x5", "prefix": "x5" },
              { "step": "modules", "enable": ["pages"] },
              { "step": "modules", "enable": ["no-such-module"] } ] }
            """);
        Assert.Equal("$.steps[2].enable[0]", Assert.Single(ex.Problems).Path);
        Assert.Null(App.Registry.Find("x5"));
    }

    [Fact]
    public async Task A_module_step_needs_its_module_enabled_earlier()
    {
        var ex = await Refused("""
            { "name": "x", "steps": [
              { "step": "tenant", "name": "x6", "prefix": "x6" },
              { "step": "pages", "home": { "headline": "Ciao", "intro": "" } } ] }
            """);
        Assert.Contains("'pages'", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public async Task A_prefix_already_taken_is_refused_naming_the_owner()
    {
        var ex = await Refused(SportelloApp.TenantRecipe("altro", "demo"));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("$.steps[0].prefix", problem.Path);
        Assert.Contains("'demo'", problem.Message);
    }

    [Fact]
    public async Task A_platform_module_is_refused_for_a_reseller()
    {
        var ex = await Refused(SportelloApp.TenantRecipe("x7", "x7", ["tenants"]));
        Assert.Contains("riservato", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public async Task An_unconfigured_postgres_server_is_refused()
    {
        var ex = await Refused("""{ "name": "x", "steps": [ { "step": "tenant", "name": "x8", "prefix": "x8", "store": { "provider": "postgres", "server": "altrove" } } ] }""");
        Assert.Contains("altrove", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public async Task Settings_are_checked_against_the_module_settings_type()
    {
        var ex = await Refused("""{ "name": "x", "steps": [ { "step": "settings", "modules": { "pages": { "showSupportContacts": "forse" } } } ] }""", "demo");
        Assert.StartsWith("$.steps[0].modules.pages", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public async Task A_recipe_without_tenant_needs_a_target()
    {
        var ex = await Refused("""{ "name": "x", "steps": [ { "step": "modules", "enable": ["notes"] } ] }""");
        Assert.Contains("tenant", Assert.Single(ex.Problems).Message);
    }
}

public sealed class RecipeExecutorTestsOnSqlite() : RecipeExecutorTests(StoreKind.Sqlite);

public sealed class RecipeExecutorTestsOnPostgres() : RecipeExecutorTests(StoreKind.Postgres);
