using System.Net;
using System.Text.Json;

namespace Sportello.Tenants.Tests;

public abstract class TenantListTests(StoreKind kind) : ProviderTests(kind)
{
    private async Task<HttpClient> PlatformAdminAsync()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        return client;
    }

    [Fact]
    public async Task The_platform_lists_every_tenant_with_state_address_and_modules()
    {
        var html = WebUtility.HtmlDecode(await (await PlatformAdminAsync()).GetStringAsync("/admin/tenants"));

        Assert.Contains("2 tenant", html);
        Assert.Contains("Fiducia Digitale Demo", html);
        Assert.Contains("/demo", html);
        Assert.Contains("identity, mail, pages, tenants", html);
        Assert.Contains("Attivo", html);
    }

    [Fact]
    public async Task Search_filters_by_name()
    {
        var html = await (await PlatformAdminAsync()).GetStringAsync("/admin/tenants?search=dem");
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
        var client = await PlatformAdminAsync();
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/tenants")).RootElement;
        var demo = json.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "demo");
        Assert.Equal("running", demo.GetProperty("state").GetString());
        Assert.Equal("demo", demo.GetProperty("prefix").GetString());
        Assert.Equal(["billing", "commerce", "identity", "knowledge-base", "mail", "organizations", "pages"], demo.GetProperty("enabledModules").EnumerateArray().Select(m => m.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tenants/demo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tenants/nessuno")).StatusCode);
    }

    [Fact]
    public async Task Without_sign_in_the_list_redirects_to_login_and_the_api_answers_401()
    {
        var list = await App.ClientFor().GetAsync("/admin/tenants");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/account/login", list.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.ClientFor().GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_without_the_permission_is_refused()
    {
        await App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [
              { "email": "cliente@sportello.example", "password": "Una-Password-Lunga-1", "roles": ["Customer"] } ] } ] }
            """, "default");
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "", "cliente@sportello.example", "Una-Password-Lunga-1");

        var list = await client.GetAsync("/admin/tenants");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/account/access-denied", new Uri(client.BaseAddress!, list.Headers.Location!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/tenants")).StatusCode);
    }
}

public sealed class TenantListTestsOnSqlite() : TenantListTests(StoreKind.Sqlite);

public sealed class TenantListTestsOnPostgres() : TenantListTests(StoreKind.Postgres);
