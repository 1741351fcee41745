using System.Net;
using Sportello.Core.Tenancy;

namespace Sportello.Host.Tests;

public abstract class ResolutionTests(StoreKind kind) : ProviderTests(kind)
{
    [Fact]
    public async Task First_run_serves_the_default_tenant_at_the_root_and_the_demo_at_its_prefix()
    {
        var client = App.ClientFor();
        var root = await client.GetStringAsync("/");
        var demo = await client.GetStringAsync("/demo");

        Assert.Contains("la piattaforma dei servizi fiduciari", root);
        Assert.Contains("Fiducia Digitale Demo", demo);
        Assert.Contains("--brand-primary:#1f6f50", await Branding.StyleOfAsync(client, demo));
        Assert.DoesNotContain("Fiducia Digitale Demo", root);
    }

    [Fact]
    public async Task The_prefix_becomes_the_path_base_of_links()
    {
        var demo = await App.ClientFor().GetStringAsync("/demo/");
        Assert.Contains("href=\"/demo/_content/Sportello.Themes.Storefront/site.css\"", demo);
        Assert.Contains("href=\"/demo/\"", demo);

        var css = await App.ClientFor().GetAsync("/demo/_content/Sportello.Themes.Storefront/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_tenant_bound_to_hosts_answers_there_and_only_there()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("shop", hosts: "\"shop.example.it\", \"localhost:5001\"", modules: ["pages"]));

        Assert.Contains("Sportello shop", await App.ClientFor("shop.example.it").GetStringAsync("/"));
        Assert.Contains("Sportello shop", await App.ClientFor("SHOP.example.it:8443").GetStringAsync("/"));
        Assert.Contains("Sportello shop", await App.ClientFor("localhost:5001").GetStringAsync("/"));
        Assert.DoesNotContain("Sportello shop", await App.ClientFor("localhost:5002").GetStringAsync("/"));
    }

    [Fact]
    public async Task An_unknown_prefix_is_a_404_of_the_default_tenant_never_another_tenants_page()
    {
        var response = await App.ClientFor().GetAsync("/demox/");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina non trovata", body);
        Assert.DoesNotContain("Fiducia Digitale Demo", body);
    }

    [Fact]
    public async Task When_the_default_tenant_claims_a_host_unknown_hosts_get_404()
    {
        await App.RunRecipeAsync("""{ "name": "x", "steps": [ { "step": "tenant", "name": "default", "hosts": ["piattaforma.example.it"] } ] }""");

        var unknown = await App.ClientFor("altrove.example.it").GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("nessuno sportello", await unknown.Content.ReadAsStringAsync());
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/tenants");
        api.Headers.Accept.ParseAdd("application/json");
        var apiResponse = await App.ClientFor("altrove.example.it").SendAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, apiResponse.StatusCode);
        Assert.Equal("application/problem+json", apiResponse.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor("piattaforma.example.it").GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor("altrove.example.it").GetAsync("/demo/")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_tenant_answers_a_branded_503_and_comes_back_when_resumed()
    {
        await App.Tenants.SetStateAsync("demo", TenantState.Disabled);

        var suspended = await App.ClientFor().GetAsync("/demo/");
        var body = await suspended.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, suspended.StatusCode);
        Assert.Contains("Fiducia Digitale Demo", body);
        Assert.Contains("sospeso", body);
        Assert.Contains("02 0000 1234", body);
        Assert.True(suspended.Headers.Contains("Retry-After"));

        await App.Tenants.SetStateAsync("demo", TenantState.Running);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().GetAsync("/demo/")).StatusCode);
    }

    [Fact]
    public async Task A_tenant_still_being_prepared_answers_503()
    {
        await App.Tenants.CreateAsync(new TenantSettings
        {
            Name = "nascente",
            Prefix = "nascente",
            Store = new TenantStoreSettings
            {
                Provider = Kind == StoreKind.Sqlite ? StoreProvider.Sqlite : StoreProvider.Postgres,
                Location = Kind == StoreKind.Sqlite ? "tenants/nascente/store.db" : null,
                Server = Kind == StoreKind.Sqlite ? null : "main",
                Schema = Kind == StoreKind.Sqlite ? null : "t_nascente",
            },
        });

        var response = await App.ClientFor().GetAsync("/nascente/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("preparando", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_probes_answer_on_any_host()
    {
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor("nobody.example").GetAsync("/health/live")).StatusCode);
        var ready = await App.ClientFor().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_log_line_of_a_request_carries_the_tenant()
    {
        await App.Tenants.EnableModulesAsync("demo", ["faults"]);
        await App.ClientFor().GetAsync("/demo/boom");

        var failure = Assert.Single(App.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Category.Contains("ExceptionHandler"));
        Assert.Equal("demo", failure.ScopeValues["Tenant"]);
    }
}

public sealed class ResolutionTestsOnSqlite() : ResolutionTests(StoreKind.Sqlite);

public sealed class ResolutionTestsOnPostgres() : ResolutionTests(StoreKind.Postgres);
