using Sportello.Core.Validation;
using Sportello.Testing;

namespace Sportello.Core.Tests.Modules;

public abstract class EnablementTests(StoreKind kind) : ProviderTests(kind)
{
    [Fact]
    public async Task Enabling_a_module_enables_its_dependencies()
    {
        var saved = await App.Tenants.EnableModulesAsync("demo", ["notes-extra"]);
        Assert.Contains("notes", saved.EnabledModules);
        Assert.Contains("notes-extra", saved.EnabledModules);
        Assert.True(App.Registry.Find("demo")!.IsEnabled("notes"));
    }

    [Fact]
    public async Task Disabling_a_module_another_needs_is_refused_naming_it()
    {
        await App.Tenants.EnableModulesAsync("demo", ["notes-extra"]);
        var version = App.Registry.Find("demo")!.Settings.Version;

        var ex = await Assert.ThrowsAsync<SportelloValidationException>(() => App.Tenants.DisableModulesAsync("demo", ["notes"]));

        Assert.Contains("'notes-extra'", ex.Message);
        Assert.True(App.Registry.Find("demo")!.IsEnabled("notes"));
        Assert.Equal(version, App.Registry.Find("demo")!.Settings.Version);
    }

    [Fact]
    public async Task Disabling_both_together_is_allowed()
    {
        await App.Tenants.EnableModulesAsync("demo", ["notes-extra"]);
        var saved = await App.Tenants.DisableModulesAsync("demo", ["notes", "notes-extra"]);
        Assert.DoesNotContain("notes", saved.EnabledModules);
    }

    [Fact]
    public async Task A_platform_module_is_refused_for_a_reseller() =>
        Assert.Contains("riservato", (await Assert.ThrowsAsync<SportelloValidationException>(() => App.Tenants.EnableModulesAsync("demo", ["tenants"]))).Message);

    [Fact]
    public async Task Enabling_twice_changes_nothing()
    {
        var first = await App.Tenants.EnableModulesAsync("demo", ["notes"]);
        var second = await App.Tenants.EnableModulesAsync("demo", ["notes"]);
        Assert.Equal(first.Version, second.Version);
    }
}

public sealed class EnablementTestsOnSqlite() : EnablementTests(StoreKind.Sqlite);

public sealed class EnablementTestsOnPostgres() : EnablementTests(StoreKind.Postgres);
