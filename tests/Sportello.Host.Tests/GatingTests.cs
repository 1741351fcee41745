using System.Net;

namespace Sportello.Host.Tests;

public abstract class GatingTests(StoreKind kind) : ProviderTests(kind)
{
    [Fact]
    public async Task A_page_of_a_disabled_module_is_404_at_once_and_back_at_once_when_enabled()
    {
        var client = App.ClientFor();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/")).StatusCode);

        await App.Tenants.DisableModulesAsync("demo", ["pages"]);
        var gone = await client.GetAsync("/demo/");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("Fiducia Digitale Demo", await gone.Content.ReadAsStringAsync()); // the tenant's own 404 page

        await App.Tenants.EnableModulesAsync("demo", ["pages"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/")).StatusCode);
    }

    [Fact]
    public async Task The_same_page_stays_available_on_tenants_that_keep_the_module()
    {
        await App.Tenants.DisableModulesAsync("demo", ["pages"]);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_api_endpoint_of_a_module_the_tenant_lacks_is_a_404_problem()
    {
        var client = App.ClientFor();
        var denied = await client.GetAsync("/demo/api/tenants");
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal("application/problem+json", denied.Content.Headers.ContentType?.MediaType);

        // On the Default tenant the endpoint exists; it just wants a signed-in operator.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task A_minimal_api_endpoint_follows_enablement_immediately()
    {
        var client = App.ClientFor();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/demo/boom")).StatusCode);
        await App.Tenants.EnableModulesAsync("demo", ["faults"]);
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/demo/boom")).StatusCode);
        await App.Tenants.DisableModulesAsync("demo", ["faults"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/demo/boom")).StatusCode);
    }
}

public sealed class GatingTestsOnSqlite() : GatingTests(StoreKind.Sqlite);

public sealed class GatingTestsOnPostgres() : GatingTests(StoreKind.Postgres);
