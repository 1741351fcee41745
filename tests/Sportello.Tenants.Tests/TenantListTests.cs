using System.Net;
using System.Text.Json;

namespace Sportello.Tenants.Tests;

public abstract class TenantListTests(StoreKind kind) : ProviderTests(kind)
{
    [Fact]
    public async Task The_platform_lists_every_tenant_with_state_address_and_modules()
    {
        var html = WebUtility.HtmlDecode(await App.ClientFor().GetStringAsync("/admin/tenants"));

        Assert.Contains("2 tenant", html);
        Assert.Contains("Fiducia Digitale Demo", html);
        Assert.Contains("/demo", html);
        Assert.Contains("pages, tenants", html);
        Assert.Contains("Attivo", html);
    }

    [Fact]
    public async Task Search_filters_by_name()
    {
        var html = await App.ClientFor().GetStringAsync("/admin/tenants?search=dem");
        Assert.Contains("1 tenant", html);
        Assert.Contains("Fiducia Digitale Demo", html);
    }

    [Fact]
    public async Task A_reseller_tenant_has_no_tenant_list()
    {
        var response = await App.ClientFor().GetAsync("/demo/admin/tenants");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Sportello</strong>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_lists_tenants_as_json()
    {
        var json = JsonDocument.Parse(await App.ClientFor().GetStringAsync("/api/tenants")).RootElement;
        var demo = json.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "demo");
        Assert.Equal("running", demo.GetProperty("state").GetString());
        Assert.Equal("demo", demo.GetProperty("prefix").GetString());
        Assert.Equal(["pages"], demo.GetProperty("enabledModules").EnumerateArray().Select(m => m.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().GetAsync("/api/tenants/demo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/api/tenants/nessuno")).StatusCode);
    }
}

public sealed class TenantListTestsOnSqlite() : TenantListTests(StoreKind.Sqlite);

public sealed class TenantListTestsOnPostgres() : TenantListTests(StoreKind.Postgres);

/// <summary>Until sign-in exists, the list is never served outside Development.</summary>
public sealed class TenantListOutsideDevelopmentTests : IAsyncLifetime
{
    private SportelloApp _app = null!;

    public async Task InitializeAsync() => _app = await SportelloApp.StartAsync(StoreKind.Sqlite, environment: "Production");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_list_and_the_api_answer_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.ClientFor().GetAsync("/admin/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.ClientFor().GetAsync("/api/tenants")).StatusCode);
    }
}
