using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Storage;
using Sportello.Organizations;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Tests;

/// <summary>Customers act inside organizations: created at sign-up, edited by their legal representative, never left without one.</summary>
public abstract partial class OrganizationTests(SportelloApp app)
{
    private const string Collaborator = "sara.conti@fiducia-demo.example";
    private const string Page = "/demo/area/organization";

    private async Task<HttpClient> SignedInAsync(string email, string password = SignIn.DemoCustomerPassword)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, password);
        return client;
    }

    /// <summary>Posts one of the organization page's forms as the browser would: its token and the organization it was shown for.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var target = handler is "Role" or "Remove" ? Page + "/members" : Page;
        var page = await client.GetStringAsync(Page); // its forms carry the token and the organization for every handler
        var shownFor = OrganizationField().Match(page);
        if (shownFor.Success)
        {
            fields["OrganizationId"] = shownFor.Groups[1].Value;
        }

        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page);
        return await client.PostAsync($"{target}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private Task<List<Member>> MembersOfAsync(string legalName) =>
        app.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<OrganizationsDbContext>();
            var id = await db.Organizations.Where(o => o.LegalName == legalName).Select(o => o.Id).SingleAsync();
            return await db.Members.AsNoTracking().Where(m => m.OrganizationId == id).ToListAsync();
        });

    [Fact]
    public async Task Someone_who_signs_up_alone_gets_an_organization_in_their_name_as_its_legal_representative()
    {
        var email = $"nuova-{Guid.NewGuid():N}@example.it";
        var client = app.ClientFor();
        var form = await client.GetStringAsync("/demo/account/register");
        var posted = await client.PostAsync("/demo/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Lucia Romano",
            ["Email"] = email,
            ["Password"] = "Una-Password-Lunga-1",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        await app.OutboxDrainedAsync("demo");

        var member = Assert.Single(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.AsNoTracking().Where(m => m.Email == email).ToListAsync()));
        Assert.Equal(OrganizationRole.LegalRepresentative, member.Role);
        var organization = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.AsNoTracking().SingleAsync(o => o.Id == member.OrganizationId));
        Assert.Equal(("Lucia Romano", OrganizationKind.Person, email), (organization.LegalName, organization.Kind, organization.ContactEmail));
    }

    [Fact]
    public async Task The_legal_representative_changes_the_data_and_a_wrong_code_is_refused_beside_its_field()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Page));
        Assert.Contains("Esposito Consulenze S.r.l.", page);
        Assert.Contains("Sara Conti", WebUtility.HtmlDecode(await client.GetStringAsync(Page + "/members")));
        var version = VersionField().Match(page).Groups[1].Value;

        var fields = new Dictionary<string, string>
        {
            ["Version"] = version, ["Form.LegalName"] = "Esposito Consulenze S.r.l.", ["Form.Kind"] = "Company", ["Form.PartitaIva"] = "04681230638",
            ["Form.CodiceFiscale"] = "04681230639", ["Form.Cap"] = "80134", ["Form.City"] = "Napoli", ["Form.Province"] = "NA", ["Form.Language"] = "it",
            ["Form.RecipientCode"] = "M5UXCR1",
        };
        var refused = WebUtility.HtmlDecode(await (await PostAsync(client, "Save", new(fields))).Content.ReadAsStringAsync());
        Assert.Contains("aria-invalid=\"true\"", refused);
        Assert.Contains("con queste prime 10 cifre l'ultima dovrebbe essere 9, non 8", refused);

        // A kind that does not exist is refused on its field, not saved as the default one.
        var unknownKind = WebUtility.HtmlDecode(await (await PostAsync(client, "Save", new(fields) { ["Form.Kind"] = "Astronave", ["Form.PartitaIva"] = "04681230639" })).Content.ReadAsStringAsync());
        Assert.Contains("Valore non valido.", unknownKind);

        fields["Form.PartitaIva"] = "04681230639";
        fields["Form.Street"] = "Via Chiaia 12";
        var saved = await PostAsync(client, "Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Via Chiaia 12", WebUtility.HtmlDecode(await client.GetStringAsync(Page)));

        var audited = await app.InTenantAsync("demo", sp => sp.GetRequiredService<KernelDbContext>().Set<AuditEntry>()
            .AnyAsync(a => a.Action == OrganizationAuditActions.LegalDataChanged && a.SubjectName == "Esposito Consulenze S.r.l." && a.ActorName == "Marco Esposito"));
        Assert.True(audited);

        // The form of a version someone changed since is not saved over it.
        var stale = WebUtility.HtmlDecode(await (await PostAsync(client, "Save", fields)).Content.ReadAsStringAsync());
        Assert.Contains("Qualcun altro ha cambiato i dati", stale);
    }

    [Fact]
    public async Task A_collaborator_sees_the_data_but_changes_neither_it_nor_the_members()
    {
        var client = await SignedInAsync(Collaborator);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Page));
        Assert.Contains("Solo un legale rappresentante può cambiare questi dati.", page);
        Assert.DoesNotContain("Cambia ruolo", WebUtility.HtmlDecode(await client.GetStringAsync(Page + "/members")));

        var marco = (await MembersOfAsync("Esposito Consulenze S.r.l.")).Single(m => m.Role == OrganizationRole.LegalRepresentative);
        foreach (var (handler, fields) in new[]
        {
            ("Save", new Dictionary<string, string> { ["Form.LegalName"] = "Presa da Sara", ["Form.Kind"] = "Company", ["Form.PartitaIva"] = "04681230639" }),
            ("Role", new Dictionary<string, string> { ["userId"] = marco.UserId, ["role"] = "Collaborator" }),
            ("Remove", new Dictionary<string, string> { ["userId"] = marco.UserId }),
        })
        {
            var refused = await PostAsync(client, handler, fields);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString);
        }

        Assert.Equal(OrganizationRole.LegalRepresentative, (await MembersOfAsync("Esposito Consulenze S.r.l.")).Single(m => m.UserId == marco.UserId).Role);
    }

    [Fact]
    public async Task The_last_legal_representative_can_be_neither_demoted_nor_removed()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer);
        var marco = (await MembersOfAsync("Esposito Consulenze S.r.l.")).Single(m => m.Role == OrganizationRole.LegalRepresentative);
        var demoted = WebUtility.HtmlDecode(await (await PostAsync(client, "Role", new() { ["userId"] = marco.UserId, ["role"] = "Administrator" })).Content.ReadAsStringAsync());
        Assert.Contains("L'organizzazione deve avere sempre un legale rappresentante: prima nominane un altro.", demoted);
        Assert.Equal(OrganizationRole.LegalRepresentative, (await MembersOfAsync("Esposito Consulenze S.r.l.")).Single(m => m.UserId == marco.UserId).Role);

        // A member of another organization is not there to change, whatever id the form carries.
        var stranger = await app.InTenantAsync("demo", async sp => await sp.GetRequiredService<OrganizationsDbContext>().Members.Where(m => m.OrganizationId != marco.OrganizationId && m.Email != SignIn.DemoCustomer).Select(m => m.UserId).FirstOrDefaultAsync());
        if (stranger is not null)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "Remove", new() { ["userId"] = stranger })).StatusCode);
        }
    }

    [Fact]
    public async Task Two_removals_at_once_never_leave_an_organization_without_a_legal_representative()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organizationId = await app.InTenantAsync("demo", async sp =>
        {
            var memberships = sp.GetRequiredService<Memberships>();
            var organization = await memberships.CreatePersonalAsync(new Person("a-" + suffix, $"a-{suffix}@example.it", "Anna"), "it");
            await memberships.AddAsync(organization.Id, new Person("b-" + suffix, $"b-{suffix}@example.it", "Bruno"), OrganizationRole.LegalRepresentative);
            return organization.Id;
        });

        async Task<bool> RemoveAsync(string userId)
        {
            try
            {
                await app.InTenantAsync("demo", async sp => { await sp.GetRequiredService<Memberships>().RemoveAsync(organizationId, userId, leaving: true); return 0; });
                return true;
            }
            catch (LastLegalRepresentativeException)
            {
                return false;
            }
        }

        var results = await Task.WhenAll(RemoveAsync("a-" + suffix), RemoveAsync("b-" + suffix));
        Assert.Equal(1, results.Count(removed => removed));
        var left = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.CountAsync(m => m.OrganizationId == organizationId && m.Role == OrganizationRole.LegalRepresentative));
        Assert.Equal(1, left);
    }

    [Fact]
    public async Task A_forged_organization_cookie_shows_only_the_users_own_organization()
    {
        var other = await app.InTenantAsync("demo", sp => sp.GetRequiredService<Memberships>().CreatePersonalAsync(new Person("x-" + Guid.NewGuid().ToString("N"), "altro@example.it", "Organizzazione Altrui"), "it"));
        var client = await SignedInAsync(Collaborator);
        client.DefaultRequestHeaders.Add("Cookie", $".sportello.organization={other.Id}");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Page));
        Assert.DoesNotContain("Organizzazione Altrui", page);
        Assert.Contains("Esposito Consulenze S.r.l.", page);

        // The same cookie naming one of the user's own organizations does switch to it.
        var personal = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == "Marco Esposito").Select(o => o.Id).SingleAsync());
        var marco = await SignedInAsync(SignIn.DemoCustomer);
        Assert.Contains("<p class=\"lead\">Esposito Consulenze S.r.l. –", WebUtility.HtmlDecode(await marco.GetStringAsync(Page)));
        marco.DefaultRequestHeaders.Add("Cookie", $".sportello.organization={personal}");
        Assert.Contains("<p class=\"lead\">Marco Esposito –", WebUtility.HtmlDecode(await marco.GetStringAsync(Page)));
    }

    [Fact]
    public async Task An_administrator_manages_collaborators_but_appoints_no_legal_representative()
    {
        var email = $"amministra-{Guid.NewGuid():N}@example.it";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "{{email}}", "displayName": "Alba Amministra", "password": "Amministra-Demo-2026", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "Esposito Consulenze S.r.l.", "kind": "Company", "partitaIva": "04681230639" },
                "members": [ { "email": "{{SignIn.DemoCustomer}}", "role": "LegalRepresentative" }, { "email": "{{email}}", "role": "Administrator" } ] } ] } ] }
            """, "demo");
        var administrator = await SignedInAsync(email, "Amministra-Demo-2026");
        var members = await MembersOfAsync("Esposito Consulenze S.r.l.");
        var self = members.Single(m => m.Email == email);
        var marco = members.Single(m => m.Email == SignIn.DemoCustomer);

        // Not themselves, not Marco: nobody becomes or stops being a legal representative by an administrator's hand.
        foreach (var (handler, fields) in new[]
        {
            ("Role", new Dictionary<string, string> { ["userId"] = self.UserId, ["role"] = "LegalRepresentative" }),
            ("Role", new Dictionary<string, string> { ["userId"] = marco.UserId, ["role"] = "Collaborator" }),
            ("Remove", new Dictionary<string, string> { ["userId"] = marco.UserId }),
        })
        {
            var refused = await PostAsync(administrator, handler, fields);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(administrator, "Role", new() { ["userId"] = self.UserId, ["role"] = "Sovrano" })).StatusCode);
        var after = await MembersOfAsync("Esposito Consulenze S.r.l.");
        Assert.Equal(OrganizationRole.Administrator, after.Single(m => m.Email == email).Role);
        Assert.Equal(OrganizationRole.LegalRepresentative, after.Single(m => m.Email == SignIn.DemoCustomer).Role);

        // Collaborators are theirs to manage.
        var sara = after.Single(m => m.Email == Collaborator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(administrator, "Role", new() { ["userId"] = sara.UserId, ["role"] = "Collaborator" })).StatusCode);
        await app.InTenantAsync("demo", async sp => { await sp.GetRequiredService<Memberships>().RemoveAsync(self.OrganizationId, self.UserId, leaving: true); return 0; });
    }

    [Fact]
    public async Task The_customer_switches_between_their_own_organizations_only()
    {
        var client = await SignedInAsync(SignIn.DemoCustomer);
        var area = WebUtility.HtmlDecode(await client.GetStringAsync("/demo/area"));
        Assert.Contains("Stai operando per <strong>Esposito Consulenze S.r.l.</strong>", area);

        var personal = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == "Marco Esposito").Select(o => o.Id).SingleAsync());
        var switched = await SignIn.PostFormAsync(client, "/demo/area", "/demo/area/organization?handler=Switch", new() { ["organizationId"] = personal.ToString(), ["returnUrl"] = "/demo/area" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/demo/area", switched.Headers.Location!.OriginalString);
        Assert.Contains("Stai operando per <strong>Marco Esposito</strong>", WebUtility.HtmlDecode(await client.GetStringAsync("/demo/area")));

        // A form shown for the company, posted after switching in another tab, changes neither organization.
        var other = app.ClientFor();
        await SignIn.AsAsync(other, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var companyForm = await other.GetStringAsync(Page);
        var shownFor = OrganizationField().Match(companyForm).Groups[1].Value;
        await SignIn.PostFormAsync(other, "/demo/area", "/demo/area/organization?handler=Switch", new() { ["organizationId"] = personal.ToString() });
        var late = await other.PostAsync(Page + "?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["OrganizationId"] = shownFor, ["Version"] = "0", ["Form.LegalName"] = "Sovrascritto", ["Form.Kind"] = "Person", ["Form.CodiceFiscale"] = "SPSMRC80C15F839R",
            ["Form.Language"] = "it", ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(companyForm),
        }));
        Assert.Contains("Nel frattempo sei passato a un'altra organizzazione", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        Assert.False(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.AnyAsync(o => o.LegalName == "Sovrascritto")));

        var foreign = await app.InTenantAsync("demo", sp => sp.GetRequiredService<Memberships>().CreatePersonalAsync(new Person("f-" + Guid.NewGuid().ToString("N"), "f@example.it", "Di Qualcun Altro"), "it"));
        var refused = await SignIn.PostFormAsync(client, "/demo/area", "/demo/area/organization?handler=Switch", new() { ["organizationId"] = foreign.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("Stai operando per <strong>Marco Esposito</strong>", WebUtility.HtmlDecode(await client.GetStringAsync("/demo/area")));
    }

    [Fact]
    public async Task A_member_leaves_but_the_last_legal_representative_cannot()
    {
        var email = $"uscente-{Guid.NewGuid():N}@example.it";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "{{email}}", "displayName": "Piero Uscente", "password": "Uscente-Demo-2026", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "Esposito Consulenze S.r.l.", "kind": "Company", "partitaIva": "04681230639" },
                "members": [ { "email": "{{SignIn.DemoCustomer}}", "role": "LegalRepresentative" }, { "email": "{{email}}", "role": "Collaborator" } ] } ] } ] }
            """, "demo");
        var leaver = await SignedInAsync(email, "Uscente-Demo-2026");
        var left = await PostAsync(leaver, "Leave", []);
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.DoesNotContain(await MembersOfAsync("Esposito Consulenze S.r.l."), m => m.Email == email);
        Assert.Contains("Non fai ancora parte di nessuna organizzazione.", WebUtility.HtmlDecode(await leaver.GetStringAsync(Page)));

        var marco = await SignedInAsync(SignIn.DemoCustomer);
        var refused = WebUtility.HtmlDecode(await (await PostAsync(marco, "Leave", [])).Content.ReadAsStringAsync());
        Assert.Contains("prima nominane un altro", refused);
        Assert.Contains(await MembersOfAsync("Esposito Consulenze S.r.l."), m => m.Email == SignIn.DemoCustomer);
    }

    [Fact]
    public async Task Operators_find_organizations_by_tax_code_or_member_and_customers_cannot()
    {
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var byCode = WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/organizations?q=04681230639"));
        Assert.Contains("Esposito Consulenze S.r.l.", byCode);
        Assert.DoesNotContain(">Marco Esposito<", byCode);
        Assert.Contains("Esposito Consulenze S.r.l.", WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/organizations?q=SARA.CONTI")));

        var id = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == "Esposito Consulenze S.r.l.").Select(o => o.Id).SingleAsync());
        var details = WebUtility.HtmlDecode(await admin.GetStringAsync($"/demo/admin/organizations/{id}"));
        Assert.Contains("Sara Conti", details);
        Assert.Contains("Collaboratore", details);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/demo/admin/organizations/{Guid.NewGuid()}")).StatusCode);

        var customer = await SignedInAsync(SignIn.DemoCustomer);
        var denied = await customer.GetAsync($"/demo/admin/organizations/{id}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);

        // The platform's tenant has no organizations module: the page does not exist there.
        var platform = app.ClientFor();
        await SignIn.AsAsync(platform, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/admin/organizations/{id}")).StatusCode);
    }

    [GeneratedRegex("name=\"OrganizationId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OrganizationField();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}

public sealed class OrganizationTestsOnSqlite(AppFixture fixture) : OrganizationTests(fixture.App), IClassFixture<AppFixture>;

public sealed class OrganizationTestsOnPostgres(PostgresAppFixture fixture) : OrganizationTests(fixture.App), IClassFixture<PostgresAppFixture>;
