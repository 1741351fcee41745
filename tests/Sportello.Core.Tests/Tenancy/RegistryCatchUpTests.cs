using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Tests.Tenancy;

/// <summary>A second registry over the same catalog stands in for another node that heard no messages.</summary>
public abstract class RegistryCatchUpTests(StoreKind kind) : ProviderTests(kind)
{
    protected override bool Provision => false;

    [Fact]
    public async Task Another_node_catches_up_with_creations_changes_and_removals_through_the_catalog_version()
    {
        var catalog = App.Services.GetRequiredService<TenantCatalog>();
        var other = new TenantRegistry(catalog, App.Services.GetRequiredService<Sportello.Core.Modules.ModuleCatalog>());
        await other.ReloadAsync();
        Assert.False(await other.CatchUpAsync());

        await App.RunRecipeAsync(SportelloApp.TenantRecipe("alfa", prefix: "alfa"));
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("beta", prefix: "beta"));
        Assert.True(await other.CatchUpAsync());
        Assert.Equal(TenantState.Running, other.Find("alfa")!.Settings.State);
        Assert.Equal(await catalog.VersionAsync(), other.CatalogVersion);

        await App.Tenants.SetStateAsync("beta", TenantState.Disabled);
        await App.Tenants.RemoveAsync("beta", "beta");
        await App.Tenants.UpdateAsync("alfa", s => s with { Currency = "CHF" });
        Assert.True(await other.CatchUpAsync());
        Assert.Null(other.Find("beta"));
        Assert.Equal("CHF", other.Find("alfa")!.Settings.Currency);
    }

    [Fact]
    public async Task A_node_that_missed_a_removal_and_re_creation_takes_the_new_tenant_despite_its_lower_version()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("gamma", prefix: "gamma"));
        for (var i = 0; i < 3; i++)
        {
            await App.Tenants.UpdateAsync("gamma", s => s with { Currency = "EU" + i });
        }

        var other = new TenantRegistry(App.Services.GetRequiredService<TenantCatalog>(), App.Services.GetRequiredService<Sportello.Core.Modules.ModuleCatalog>());
        await other.ReloadAsync();
        var old = other.Find("gamma")!;

        await App.Tenants.SetStateAsync("gamma", TenantState.Disabled);
        await App.Tenants.RemoveAsync("gamma", "gamma");
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("gamma", prefix: "gamma"));
        Assert.True(await other.CatchUpAsync());

        var renewed = other.Find("gamma")!;
        Assert.True(renewed.Settings.Version < old.Settings.Version);
        Assert.Equal("EUR", renewed.Settings.Currency);
        Assert.NotEqual(old.ProtectionPurpose, renewed.ProtectionPurpose);
    }
}

public sealed class RegistryCatchUpTestsOnSqlite() : RegistryCatchUpTests(StoreKind.Sqlite);

public sealed class RegistryCatchUpTestsOnPostgres() : RegistryCatchUpTests(StoreKind.Postgres);
