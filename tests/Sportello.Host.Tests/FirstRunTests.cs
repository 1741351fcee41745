using System.Net;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;

namespace Sportello.Host.Tests;

public sealed class FirstRunTests
{
    [Fact]
    public async Task A_first_run_interrupted_after_creating_a_tenant_is_completed_on_the_next_start()
    {
        string appData;
        await using (var first = await SportelloApp.StartAsync(StoreKind.Sqlite, provision: false))
        {
            first.KeepData = true;
            appData = first.AppData;
            await first.RunRecipeAsync(await File.ReadAllTextAsync(Path.Combine(RecipeFolder.Resolve("recipes"), "default.recipe.json")));
            // The demo recipe got as far as its tenant step when the process died.
            await first.RunRecipeAsync("""{ "name": "cut", "steps": [ { "step": "tenant", "name": "demo", "prefix": "demo" } ] }""");
            await first.Tenants.SetStateAsync("demo", TenantState.Uninitialized);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await first.ClientFor().GetAsync("/demo/")).StatusCode);
        }

        await using var second = await SportelloApp.StartAsync(StoreKind.Sqlite, appData: appData);
        Assert.Equal(TenantState.Running, second.Registry.Find("demo")!.Settings.State);
        Assert.Contains("Fiducia Digitale Demo", await second.ClientFor().GetStringAsync("/demo/"));
    }

    [Fact]
    public async Task A_tenant_removed_by_an_operator_is_not_brought_back()
    {
        string appData;
        await using (var first = await SportelloApp.StartAsync(StoreKind.Sqlite, provision: false))
        {
            first.KeepData = true;
            appData = first.AppData;
            await first.RunRecipeAsync(await File.ReadAllTextAsync(Path.Combine(RecipeFolder.Resolve("recipes"), "default.recipe.json")));
        }

        await using var second = await SportelloApp.StartAsync(StoreKind.Sqlite, appData: appData);
        Assert.Null(second.Registry.Find("demo"));
    }
}
