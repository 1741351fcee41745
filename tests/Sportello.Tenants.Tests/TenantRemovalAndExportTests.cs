using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Tenants.Tests;

public abstract class TenantRemovalAndExportTests(StoreKind kind) : ProviderTests(kind)
{
    [Fact]
    public async Task Only_a_suspended_tenant_can_be_removed_and_only_after_typing_its_name()
    {
        var api = await TenantApi.SignInAsync(App);

        var running = await api.RemoveAsync("demo", "demo");
        Assert.Equal(HttpStatusCode.BadRequest, running.StatusCode);
        Assert.Contains("va sospeso prima", await TenantApi.ErrorsForAsync(running, "state"));

        await api.SuspendAsync("demo");
        var mistyped = await api.RemoveAsync("demo", "dem");
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
        Assert.Contains("scrivi il nome del tenant: demo", await TenantApi.ErrorsForAsync(mistyped, "confirmation"));
        Assert.NotNull(App.Registry.Find("demo"));

        var platform = await api.RemoveAsync("default", "default");
        Assert.Equal(HttpStatusCode.BadRequest, platform.StatusCode);
    }

    [Fact]
    public async Task Removing_deletes_store_files_and_catalog_entry_and_leaves_an_audit_entry()
    {
        var api = await TenantApi.SignInAsync(App);
        var store = App.Registry.Find("demo")!.Settings.Store;
        var folder = Path.Combine(App.AppData, "tenants", "demo");
        Directory.CreateDirectory(Path.Combine(folder, "index"));
        await File.WriteAllTextAsync(Path.Combine(folder, "index", "segments_1"), "x");

        await api.SuspendAsync("demo");
        Assert.Equal(HttpStatusCode.NoContent, (await api.RemoveAsync("demo", "demo")).StatusCode);

        Assert.Null(App.Registry.Find("demo"));
        Assert.Null(await App.Services.GetRequiredService<TenantCatalog>().FindAsync("demo"));
        Assert.False(Directory.Exists(folder));
        if (Kind == StoreKind.Postgres)
        {
            Assert.False(await App.SchemaExistsAsync(store.Schema!));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/demo/")).StatusCode);
        var audit = await App.InTenantAsync("default", sp => sp.GetRequiredService<KernelDbContext>().Set<Sportello.Core.Audit.AuditEntry>()
            .Where(a => a.Action == "tenants.removed").ToListAsync());
        var removed = Assert.Single(audit);
        Assert.Equal(("tenant", "demo"), (removed.SubjectType, removed.SubjectId));
    }

    [Fact]
    public async Task A_tenant_exported_removed_and_imported_again_serves_the_same_pages()
    {
        var api = await TenantApi.SignInAsync(App);
        await App.RunRecipeAsync("""
            { "name": "extra", "steps": [
              { "step": "roles", "roles": [ { "name": "Contabile", "description": "Vede le fatture", "permissions": ["admin.access"] } ] },
              { "step": "limits", "values": { "identity.users": 25 } } ] }
            """, "demo");
        var before = await App.ClientFor().GetStringAsync("/demo/");

        var exported = await api.Client.GetStringAsync("/api/tenants/demo/export");
        var recipe = JsonDocument.Parse(exported).RootElement;
        var steps = recipe.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ToList();
        Assert.Equal(["tenant", "modules", "settings", "limits"], steps.Take(4));
        Assert.Equal(["knowledge-base", "pages", "roles"], steps.Skip(4).Order());
        var guideBefore = await App.ClientFor().GetStringAsync("/demo/help/spid/rinnovare-identita-spid");
        Assert.DoesNotContain("protectionId", exported, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cliente@fiducia-demo.example", exported);

        await api.SuspendAsync("demo");
        Assert.Equal(HttpStatusCode.NoContent, (await api.RemoveAsync("demo", "demo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/demo/")).StatusCode);

        var imported = await api.CreateAsync(new { recipeJson = exported });
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        var after = await App.ClientFor().GetStringAsync("/demo/");
        Assert.Equal(before, after);
        Assert.Equal(guideBefore, await App.ClientFor().GetStringAsync("/demo/help/spid/rinnovare-identita-spid"));
        var tenant = App.Registry.Find("demo")!.Settings;
        Assert.Equal(25, tenant.Limits["identity.users"]);
        Assert.Equal(["billing", "commerce", "identity", "knowledge-base", "mail", "organizations", "pages"], tenant.EnabledModules);
        var role = await App.InTenantAsync("demo", sp => sp.GetRequiredService<IdentityStoreDbContext>().Roles.SingleAsync(r => r.Name == "Contabile"));
        Assert.Equal("Vede le fatture", role.Description);
    }

    [Fact]
    public async Task An_export_with_people_carries_users_as_invitations_and_the_organizations_into_a_new_tenant()
    {
        var api = await TenantApi.SignInAsync(App);
        var plain = System.Text.Json.Nodes.JsonNode.Parse(await api.Client.GetStringAsync("/api/tenants/demo/export"))!["steps"]!.AsArray();
        Assert.DoesNotContain(plain, s => (string?)s!["step"] is "users" or "organizations");

        var exported = System.Text.Json.Nodes.JsonNode.Parse(await api.Client.GetStringAsync("/api/tenants/demo/export?people=true"))!;
        var steps = exported["steps"]!.AsArray();
        var users = steps.Single(s => (string?)s!["step"] == "users")!["users"]!.AsArray();
        Assert.Contains(users, u => (string?)u!["email"] == "cliente@fiducia-demo.example" && (bool?)u["invite"] == true);
        Assert.All(users, u => Assert.Null(u!["password"]));
        var organizations = steps.Single(s => (string?)s!["step"] == "organizations")!;
        Assert.Contains("Studio Gallo Servizi Digitali S.r.l.", organizations.ToJsonString());
        Assert.True(steps.IndexOf(steps.Single(s => (string?)s!["step"] == "users")) < steps.IndexOf(organizations));

        // The same recipe as another tenant, which then exports the same organizations.
        var tenantStep = steps.Single(s => (string?)s!["step"] == "tenant")!;
        tenantStep["name"] = "copia";
        tenantStep["prefix"] = "copia";
        tenantStep["hosts"] = new System.Text.Json.Nodes.JsonArray();
        exported["name"] = "copia";
        Assert.Equal(HttpStatusCode.Created, (await api.CreateAsync(new { recipeJson = exported.ToJsonString() })).StatusCode);
        var copied = System.Text.Json.Nodes.JsonNode.Parse(await api.Client.GetStringAsync("/api/tenants/copia/export?people=true"))!;
        var copiedOrganizations = copied["steps"]!.AsArray().Single(s => (string?)s!["step"] == "organizations")!;
        Assert.Equal(organizations.ToJsonString(), copiedOrganizations.ToJsonString());
    }

    [Fact]
    public async Task The_admin_pages_preview_a_module_change_and_remove_after_confirmation()
    {
        await App.RunRecipeAsync(SportelloApp.TenantRecipe("nudo", prefix: "nudo"));
        var api = await TenantApi.SignInAsync(App);
        var client = api.Client;

        var preview = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/tenants/nudo?Enable=identity"));
        Assert.Contains("Verranno attivati: E-mail, Utenti e accessi.", preview);
        var confirm = await client.PostAsync("/admin/tenants/nudo?handler=Modules", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Enable"] = "identity",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(preview),
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(["identity", "mail"], App.Registry.Find("nudo")!.Settings.EnabledModules);

        var page = await client.GetStringAsync("/admin/tenants/nudo");
        var limits = await client.PostAsync("/admin/tenants/nudo?handler=Limits", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Limits[identity.users]"] = "40",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, limits.StatusCode);
        Assert.Equal(40, App.Registry.Find("nudo")!.Settings.Limits["identity.users"]);

        await api.SuspendAsync("nudo");
        page = await client.GetStringAsync("/admin/tenants/nudo");
        var wrong = await client.PostAsync("/admin/tenants/nudo?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Confirmation"] = "altro",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Contains("scrivi il nome del tenant: nudo", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        var removed = await client.PostAsync("/admin/tenants/nudo?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Confirmation"] = "nudo",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(App.Registry.Find("nudo"));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        var response = await client.PostAsync("/admin/tenants/demo?handler=Suspend", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Sportello.Core.Tenancy.TenantState.Running, App.Registry.Find("demo")!.Settings.State);
    }
}

public sealed class TenantRemovalAndExportTestsOnSqlite() : TenantRemovalAndExportTests(StoreKind.Sqlite);

public sealed class TenantRemovalAndExportTestsOnPostgres() : TenantRemovalAndExportTests(StoreKind.Postgres);
