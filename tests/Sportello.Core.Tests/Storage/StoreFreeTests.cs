using Sportello.Core.Hosting;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Tests.Storage;

/// <summary>Creating a tenant over a store that already holds data is refused, so undoing a failed creation never deletes foreign data.</summary>
public abstract class StoreFreeTests(StoreKind kind) : ProviderTests(kind)
{
    protected override bool Provision => false;

    private TenantSettings Draft(string name) => new()
    {
        Name = name,
        Prefix = name,
        Store = Kind == StoreKind.Sqlite
            ? new TenantStoreSettings { Provider = StoreProvider.Sqlite, Location = Path.Combine("tenants", name, "store.db") }
            : new TenantStoreSettings { Provider = StoreProvider.Postgres, Server = "main", Schema = "t_" + name },
    };

    [Fact]
    public async Task A_store_left_with_only_kernel_tables_by_an_interrupted_creation_is_reused()
    {
        var stores = App.Services.GetRequiredService<TenantStores>();
        await stores.EnsureCreatedAsync(Draft("ripresa"));

        var created = await App.Tenants.CreateAsync(Draft("ripresa"));

        Assert.Equal(TenantState.Uninitialized, created.State);
    }

    [Fact]
    public async Task A_store_holding_other_tables_is_refused_and_kept()
    {
        var stores = App.Services.GetRequiredService<TenantStores>();
        var draft = Draft("occupato");
        await stores.EnsureCreatedAsync(draft);
        stores.MigrateModule(draft, "notes");

        var refusal = await Assert.ThrowsAsync<SportelloValidationException>(() => App.Tenants.CreateAsync(draft));

        Assert.Equal("store", refusal.Problems[0].Field);
        Assert.Contains(Kind == StoreKind.Sqlite ? "esiste già" : "contiene già", refusal.Problems[0].Message);
        Assert.False(await StoreProvisioner.IsFreeAsync(draft.Store.Provider, App.Services.GetRequiredService<StoreConnections>().ForSchema(draft.Store)));
        Assert.Null(App.Registry.Find("occupato"));
    }
}

public sealed class StoreFreeTestsOnSqlite() : StoreFreeTests(StoreKind.Sqlite);

public sealed class StoreFreeTestsOnPostgres() : StoreFreeTests(StoreKind.Postgres);
