using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sportello.Core.Audit;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Tests;

/// <summary>Support sees a customer's content only in the areas the customer opened, for seven days at most, and the customer sees each look.</summary>
public abstract partial class SupportAccessTests(SportelloApp app)
{
    private const string Page = "/demo/area/organization/support";

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, password);
        return client;
    }

    /// <summary>A fresh organization of a fresh legal representative, with the archive module on.</summary>
    private async Task<(HttpClient Owner, Guid OrganizationId)> OrganizationAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var owner = $"assistito-{suffix}@example.it";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "modules", "enable": [ "archive" ] },
              { "step": "users", "users": [ { "email": "{{owner}}", "displayName": "Assistito {{suffix}}", "password": "Assistito-Demo-2026", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "Assistito {{suffix}}", "kind": "Person", "codiceFiscale": "SPSMRC80C15F839R" },
                "members": [ { "email": "{{owner}}", "role": "LegalRepresentative" } ] } ] } ] }
            """, "demo");
        var id = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == $"Assistito {suffix}").Select(o => o.Id).SingleAsync());
        return (await SignedInAsync(owner, "Assistito-Demo-2026"), id);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, string area)
    {
        var html = await client.GetStringAsync(Page);
        return await client.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["area"] = area,
            ["OrganizationId"] = OrganizationField().Match(html).Groups[1].Value,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
        }));
    }

    [Fact]
    public async Task An_operator_opens_only_the_areas_the_customer_opened_and_the_customer_sees_each_look()
    {
        var (owner, id) = await OrganizationAsync();
        var support = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/demo/api/archive/archive/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, "Grant", "archive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync($"/demo/api/archive/archive/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/demo/api/archive/registry/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/demo/api/archive/archive/{Guid.NewGuid()}")).StatusCode);

        var page = WebUtility.HtmlDecode(await owner.GetStringAsync(Page));
        Assert.Contains("Contenuto aperto dall'assistenza", page);
        Assert.Contains("documenti di archive", page);
        Assert.Contains("Giulia Ferri", page);
        var opened = await app.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Core.Storage.KernelDbContext>().Set<AuditEntry>()
            .Where(e => e.OrganizationId == id.ToString() && e.Action == OrganizationAuditActions.SupportOpened).ToListAsync());
        Assert.Equal("support", Assert.Single(opened).ActorKind);

        // Revoked: closed at once.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, "Revoke", "archive")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/demo/api/archive/archive/{id}")).StatusCode);

        // Granted again and past its seven days: closed too.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, "Grant", "archive")).StatusCode);
        await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().SupportGrants.Where(g => g.OrganizationId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ExpiresUtc, DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(HttpStatusCode.NotFound, (await support.GetAsync($"/demo/api/archive/archive/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_grant_closes_by_itself_after_seven_days()
    {
        var (_, id) = await OrganizationAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var ownerId = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.Where(m => m.OrganizationId == id).Select(m => m.UserId).SingleAsync());
        SupportGrants Clocked(IServiceProvider sp) =>
            new(sp.GetRequiredService<OrganizationsDbContext>(), sp.GetRequiredService<ProductRights>(), sp.GetRequiredService<IAuditLog>(), time);

        await app.InTenantAsync("demo", async sp => { await Clocked(sp).GrantAsync(id, "registry", ownerId); return 0; });
        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.True(await app.InTenantAsync("demo", sp => Clocked(sp).IsOpenAsync(id, "registry")));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await app.InTenantAsync("demo", sp => Clocked(sp).IsOpenAsync(id, "registry")));
    }

    [Fact]
    public async Task Customers_neither_open_areas_they_do_not_manage_nor_call_supports_endpoints()
    {
        var (owner, id) = await OrganizationAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, "Grant", "archive")).StatusCode);

        // Not an operator: the endpoint is not theirs, even for their own organization.
        var denied = await owner.GetAsync($"/demo/api/archive/archive/{id}");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        // A collaborator of the demo company opens nothing to support.
        var sara = await SignedInAsync("sara.conti@fiducia-demo.example", SignIn.DemoCustomerPassword);
        Assert.Contains("/account/access-denied", (await sara.GetAsync(Page)).Headers.Location!.OriginalString);

        // An area nobody declares is a field error.
        var unknown = WebUtility.HtmlDecode(await (await PostAsync(owner, "Grant", "pec")).Content.ReadAsStringAsync());
        Assert.Contains("Scegli un'area dell'elenco.", unknown);
    }

    [GeneratedRegex("name=\"OrganizationId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OrganizationField();
}

public sealed class SupportAccessTestsOnSqlite(AppFixture fixture) : SupportAccessTests(fixture.App), IClassFixture<AppFixture>;

public sealed class SupportAccessTestsOnPostgres(PostgresAppFixture fixture) : SupportAccessTests(fixture.App), IClassFixture<PostgresAppFixture>;
