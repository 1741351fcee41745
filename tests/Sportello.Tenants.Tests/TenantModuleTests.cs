using System.Net;
using System.Net.Http.Json;
using Sportello.Core.Jobs;

namespace Sportello.Tenants.Tests;

public abstract class TenantModuleTests(StoreKind kind) : ProviderTests(kind)
{
    private async Task<TenantApi> WithBareTenantAsync()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("nudo", prefix: "nudo"));
        return await TenantApi.SignInAsync(App);
    }

    [Fact]
    public async Task The_preview_shows_the_dependencies_enabling_would_bring_along()
    {
        var api = await WithBareTenantAsync();

        var preview = await TenantApi.JsonAsync(await api.Client.GetAsync("/api/tenants/nudo/modules/preview?enable=identity"));

        Assert.Equal(["identity", "mail"], preview.GetProperty("enabling").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Empty(App.Registry.Find("nudo")!.Settings.EnabledModules);
    }

    [Fact]
    public async Task Enabling_a_module_serves_its_pages_at_once_and_disabling_hides_them()
    {
        var api = await WithBareTenantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/nudo/account/login")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.ModulesAsync("nudo", enable: ["identity"])).StatusCode);
        Assert.Equal(["identity", "mail"], App.Registry.Find("nudo")!.Settings.EnabledModules);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().GetAsync("/nudo/account/login")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.ModulesAsync("nudo", disable: ["identity"])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/nudo/account/login")).StatusCode);
    }

    [Fact]
    public async Task Disabling_a_module_another_one_needs_is_refused_naming_it()
    {
        var api = await TenantApi.SignInAsync(App);
        var response = await api.ModulesAsync("demo", disable: ["mail"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await TenantApi.ErrorsForAsync(response, "modules");
        Assert.Contains("è richiesto da", errors);
        Assert.Contains("'identity'", errors);
        Assert.Contains("mail", App.Registry.Find("demo")!.Settings.EnabledModules);
    }

    [Fact]
    public async Task A_missing_module_name_is_a_field_error_not_a_500()
    {
        var api = await TenantApi.SignInAsync(App);
        var response = await api.Client.SendAsync(ApiToken.Json(HttpMethod.Post, "/api/tenants/demo/modules", null, """{ "enable": [null], "disable": ["pages", " "] }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Manca il nome del modulo.", await TenantApi.ErrorsForAsync(response, "enable[0]"));
        Assert.Contains("Manca il nome del modulo.", await TenantApi.ErrorsForAsync(response, "disable[1]"));
        Assert.Contains("pages", App.Registry.Find("demo")!.Settings.EnabledModules);
    }

    [Fact]
    public async Task A_reseller_can_never_get_the_platform_tenant_module()
    {
        var api = await TenantApi.SignInAsync(App);
        var response = await api.ModulesAsync("demo", enable: ["tenants"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("riservato al tenant della piattaforma", await TenantApi.ErrorsForAsync(response, "modules"));
    }

    [Fact]
    public async Task The_platform_tenant_cannot_lose_its_tenant_module()
    {
        var api = await TenantApi.SignInAsync(App);
        var response = await api.ModulesAsync("default", disable: ["tenants"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nessuno potrebbe più amministrare i tenant", await TenantApi.ErrorsForAsync(response, "disable"));
        Assert.True(App.Registry.Find("default")!.IsEnabled("tenants"));
    }

    [Fact]
    public async Task Module_settings_are_checked_against_the_module_and_saved()
    {
        var api = await TenantApi.SignInAsync(App);

        var wrong = await api.Client.PutAsJsonAsync("/api/tenants/demo/settings/identity", new { allowSignUp = "forse" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("identity", await TenantApi.ErrorsForAsync(wrong, "settings.allowSignUp"));

        var right = await api.Client.PutAsJsonAsync("/api/tenants/demo/settings/identity", new { allowSignUp = false });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/demo/account/register")).StatusCode);
    }

    [Fact]
    public async Task Plan_limits_are_enforced_and_shown_to_the_reseller_who_cannot_change_them()
    {
        var api = await TenantApi.SignInAsync(App);
        var unknown = await api.Client.PutAsJsonAsync("/api/tenants/demo/limits", new Dictionary<string, long?> { ["pec.caselle"] = 5 });
        Assert.Contains("Limite sconosciuto 'pec.caselle'", await TenantApi.ErrorsForAsync(unknown, "limits.pec.caselle"));
        var negative = await api.Client.PutAsJsonAsync("/api/tenants/demo/limits", new Dictionary<string, long?> { ["identity.users"] = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);

        // The limit is the demo's users as they are now: one more cannot sign up.
        var users = await App.InTenantAsync("demo", sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sportello.Identity.Data.SportelloUser>>().Users));
        var set = await api.Client.PutAsJsonAsync("/api/tenants/demo/limits", new Dictionary<string, long?> { ["identity.users"] = users });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var client = App.ClientFor();
        var page = await client.GetStringAsync("/demo/account/register");
        var response = await client.PostAsync("/demo/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Terzo Utente",
            ["Email"] = "terzo@example.it",
            ["Password"] = "Una-Password-Lunga-1",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Contains("numero massimo di utenti", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));

        var reseller = App.ClientFor();
        await SignIn.AsAsync(reseller, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var plan = WebUtility.HtmlDecode(await reseller.GetStringAsync("/demo/admin/plan"));
        Assert.Contains("Utenti", plan);
        Assert.Contains($"value=\"{users}\"", plan);
        Assert.Contains("Limite raggiunto", plan);
        Assert.Contains("Pagine", plan);
        Assert.Equal(HttpStatusCode.NotFound, (await reseller.GetAsync("/demo/admin/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reseller.PutAsJsonAsync("/demo/api/tenants/demo/limits", new Dictionary<string, long?> { ["identity.users"] = null })).StatusCode);
    }

    [Fact]
    public async Task A_suspended_tenant_answers_a_branded_503_and_its_jobs_stop_until_resumed()
    {
        var api = await TenantApi.SignInAsync(App);
        Assert.Equal(HttpStatusCode.OK, (await api.SuspendAsync("demo")).StatusCode);

        var response = await App.ClientFor().GetAsync("/demo/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Fiducia Digitale Demo", html);
        Assert.Contains("sospeso", html);
        Assert.DoesNotContain(App.Services.GetRequiredService<TenantJobRunner>().Eligible(null), t => t.Name == "demo");

        Assert.Equal(HttpStatusCode.OK, (await api.Client.PostAsync("/api/tenants/demo/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().GetAsync("/demo/")).StatusCode);
        Assert.Contains(App.Services.GetRequiredService<TenantJobRunner>().Eligible(null), t => t.Name == "demo");
    }

    [Fact]
    public async Task Actions_on_a_tenant_that_does_not_exist_answer_404()
    {
        var api = await TenantApi.SignInAsync(App);
        Assert.Equal(HttpStatusCode.NotFound, (await api.SuspendAsync("nessuno")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.ModulesAsync("nessuno", enable: ["pages"])).StatusCode);
    }
}

public sealed class TenantModuleTestsOnSqlite() : TenantModuleTests(StoreKind.Sqlite);

public sealed class TenantModuleTestsOnPostgres() : TenantModuleTests(StoreKind.Postgres);
