using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sportello.Core.Audit;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Organizations;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Tests;

/// <summary>Invitations, product rights through teams, administrative contacts and the organization's activity log.</summary>
public abstract partial class MemberTests(SportelloApp app)
{
    private const string Members = "/demo/area/organization/members";

    private async Task<HttpClient> SignedInAsync(string email, string password = SignIn.DemoCustomerPassword)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, password);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        if (!html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            html = await client.GetStringAsync("/demo/area/organization"); // a page without forms for this user: the token and organization of another
        }

        fields["OrganizationId"] = OrganizationField().Match(html).Groups[1].Value;
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>A new organization with a legal representative, and a user of the tenant to invite (both signed-in-able).</summary>
    private async Task<(string Owner, string Guest, Guid OrganizationId)> OrganizationWithGuestAsync(string legalName)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (owner, guest) = ($"titolare-{suffix}@example.it", $"ospite-{suffix}@example.it");
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [
                { "email": "{{owner}}", "displayName": "Titolare {{suffix}}", "password": "Titolare-Demo-2026", "roles": ["Customer"] },
                { "email": "{{guest}}", "displayName": "Ospite {{suffix}}", "password": "Ospite-Demo-2026", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "{{legalName}} {{suffix}}", "kind": "Person", "codiceFiscale": "SPSMRC80C15F839R" },
                "members": [ { "email": "{{owner}}", "role": "LegalRepresentative" } ] } ] } ] }
            """, "demo");
        var id = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == $"{legalName} {suffix}").Select(o => o.Id).SingleAsync());
        return (owner, guest, id);
    }

    private async Task<string> InviteAsync(HttpClient owner, string guest, string role = "Collaborator")
    {
        var before = Mailbox.Pickup(app, "demo", guest).Count;
        var invited = await PostAsync(owner, Members, "Invite", new() { ["InviteEmail"] = guest, ["InviteRole"] = role });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var message = (await Mailbox.WaitForPickupAsync(app, "demo", guest, before + 1))[^1];
        Assert.Contains("ti invita in", message.Subject);
        var link = Mailbox.FirstLink(message);
        Assert.Contains("/demo/area/organization/invitation?token=", link);
        return new Uri(link).PathAndQuery;
    }

    /// <summary>Posts the invitation's Accept form, with a token from the customer area when the page shows no form.</summary>
    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient client, string link)
    {
        var page = await (await client.GetAsync(link)).Content.ReadAsStringAsync();
        var token = page.Contains("__RequestVerificationToken", StringComparison.Ordinal) ? page : await client.GetStringAsync("/demo/account");
        return await client.PostAsync(link.Replace("?token=", "?handler=Accept&token="), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(token),
        }));
    }

    private Task<List<Member>> MembersOfAsync(Guid organizationId) =>
        app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.AsNoTracking().Where(m => m.OrganizationId == organizationId).ToListAsync());

    [Fact]
    public async Task An_invited_user_of_the_tenant_accepts_into_their_account_once()
    {
        var (owner, guest, id) = await OrganizationWithGuestAsync("Studio Invito");
        var link = await InviteAsync(await SignedInAsync(owner, "Titolare-Demo-2026"), guest);

        // Anyone with the link sees what it is for; accepting takes signing in with the invited address.
        var anonymous = WebUtility.HtmlDecode(await app.ClientFor().GetStringAsync(link));
        Assert.Contains("ti invita a far parte di Studio Invito", anonymous);
        Assert.Contains("Accedi e accetta", anonymous);

        var accepted = await AcceptAsync(await SignedInAsync(guest, "Ospite-Demo-2026"), link);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(OrganizationRole.Collaborator, (await MembersOfAsync(id)).Single(m => m.Email == guest).Role);
        Assert.True(await app.InTenantAsync("demo", sp => sp.GetRequiredService<KernelDbContext>().Set<AuditEntry>()
            .AnyAsync(a => a.Action == OrganizationAuditActions.MemberInvited && a.OrganizationId == id.ToString())));

        // The same link, once used, opens nothing.
        var again = await app.ClientFor().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("già stato accettato", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_expired_revoked_or_replaced_invitation_is_refused()
    {
        var (owner, guest, id) = await OrganizationWithGuestAsync("Studio Scadenze");
        var ownerClient = await SignedInAsync(owner, "Titolare-Demo-2026");
        var guestClient = await SignedInAsync(guest, "Ospite-Demo-2026");

        // Sent again: the first link stops working, the new one works for seven days.
        var first = await InviteAsync(ownerClient, guest);
        var invitationId = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Invitations.Where(i => i.OrganizationId == id).Select(i => i.Id).SingleAsync());
        var before = Mailbox.Pickup(app, "demo", guest).Count;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ownerClient, Members, "Resend", new() { ["invitationId"] = invitationId.ToString() })).StatusCode);
        var second = new Uri(Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(app, "demo", guest, before + 1))[^1])).PathAndQuery;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await guestClient.GetAsync(first)).StatusCode);

        // Past its seven days.
        await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Invitations.Where(i => i.Id == invitationId)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1))));
        var expired = await guestClient.GetAsync(second);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("è scaduto", WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await AcceptAsync(guestClient, second)).StatusCode);

        // Revoked.
        var third = await InviteAsync(ownerClient, guest);
        var thirdId = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Invitations.Where(i => i.OrganizationId == id && i.ExpiresUtc > DateTime.UtcNow).Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ownerClient, Members, "Revoke", new() { ["invitationId"] = thirdId.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AcceptAsync(guestClient, third)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientFor().GetAsync("/demo/area/organization/invitation?token=" + new string('x', 43))).StatusCode);
        Assert.DoesNotContain(await MembersOfAsync(id), m => m.Email == guest);
    }

    [Fact]
    public async Task Seven_days_are_counted_from_the_last_sending()
    {
        var (owner, guest, id) = await OrganizationWithGuestAsync("Studio Orologio");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var ownerId = (await MembersOfAsync(id)).Single().UserId;
        var (token, guestId) = await app.InTenantAsync("demo", async sp =>
        {
            var invitations = Clocked(sp, time);
            var issued = await invitations.InviteAsync(id, guest, OrganizationRole.Administrator, ownerId);
            return (issued.Token, (await sp.GetRequiredService<Identity.IUserDirectory>().FindByEmailAsync(guest))!.Id);
        });

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var stillValid = await app.InTenantAsync("demo", async sp => (await Clocked(sp, time).FindAsync(token))!.Value.Invitation.StateAt(time.GetUtcNow().UtcDateTime));
        Assert.Equal(InvitationState.Pending, stillValid);

        time.Advance(TimeSpan.FromMinutes(2));
        var refused = await app.InTenantAsync("demo", sp => Assert.ThrowsAsync<InvitationRefusedException>(() =>
            Clocked(sp, time).AcceptAsync(token, new Person(guestId, guest, "Ospite"))));
        Assert.Equal(InvitationState.Expired, refused.State);
    }

    private static Invitations Clocked(IServiceProvider sp, TimeProvider time) =>
        new(sp.GetRequiredService<OrganizationsDbContext>(), sp.GetRequiredService<Memberships>(), sp.GetRequiredService<IAuditLog>(), time);

    [Fact]
    public async Task Only_the_invited_address_accepts_and_only_managers_invite()
    {
        var (owner, guest, id) = await OrganizationWithGuestAsync("Studio Indirizzi");
        var link = await InviteAsync(await SignedInAsync(owner, "Titolare-Demo-2026"), guest);

        // Sara has the link (forwarded, say) but not the address: she joins nothing.
        var sara = await SignedInAsync("sara.conti@fiducia-demo.example");
        Assert.Contains("Sei entrato con un altro indirizzo", WebUtility.HtmlDecode(await sara.GetStringAsync(link)));
        await AcceptAsync(sara, link);
        Assert.DoesNotContain(await MembersOfAsync(id), m => m.Email == "sara.conti@fiducia-demo.example");

        // A collaborator invites nobody; an administrator invites no legal representative.
        var refused = await PostAsync(sara, Members, "Invite", new() { ["InviteEmail"] = "amico@example.it", ["InviteRole"] = "Collaborator" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(await SignedInAsync(guest, "Ospite-Demo-2026"), link)).StatusCode);
        await app.InTenantAsync("demo", async sp => { await sp.GetRequiredService<Memberships>().ChangeRoleAsync(id, (await MembersOfAsync(id)).Single(m => m.Email == guest).UserId, OrganizationRole.Administrator, null); return 0; });
        var administrator = await SignedInAsync(guest, "Ospite-Demo-2026");
        var owned = await PostAsync(administrator, Members, "Invite", new() { ["InviteEmail"] = "capo@example.it", ["InviteRole"] = "LegalRepresentative" });
        Assert.Contains("/account/access-denied", owned.Headers.Location!.OriginalString);

        // A bad address is a field error, and an impossible role too.
        var bad = WebUtility.HtmlDecode(await (await PostAsync(administrator, Members, "Invite", new() { ["InviteEmail"] = "non-un-indirizzo", ["InviteRole"] = "Collaborator" })).Content.ReadAsStringAsync());
        Assert.Contains("aria-invalid=\"true\"", bad);
        var role = WebUtility.HtmlDecode(await (await PostAsync(administrator, Members, "Invite", new() { ["InviteEmail"] = "x@example.it", ["InviteRole"] = "Sovrano" })).Content.ReadAsStringAsync());
        Assert.Contains("Scegli un ruolo dell'elenco.", role);
        Assert.False(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Invitations.AnyAsync(i => i.Email == "capo@example.it" || i.Email == "amico@example.it")));
    }

    [Fact]
    public async Task Someone_invited_who_signs_up_joins_instead_of_getting_an_organization_of_their_own()
    {
        var (owner, _, id) = await OrganizationWithGuestAsync("Studio Nuovi");
        var newcomer = $"nuovo-{Guid.NewGuid():N}@example.it";
        var link = await InviteAsync(await SignedInAsync(owner, "Titolare-Demo-2026"), newcomer);

        var client = app.ClientFor();
        var form = await client.GetStringAsync("/demo/account/register");
        await client.PostAsync("/demo/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Nora Nuova", ["Email"] = newcomer, ["Password"] = "Una-Password-Lunga-1", ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        await app.OutboxDrainedAsync("demo");
        Assert.False(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.AnyAsync(m => m.Email == newcomer)));

        var confirmation = Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(app, "demo", newcomer, 2)).Single(m => m.Subject?.Contains("ti invita") != true));
        await client.GetAsync(new Uri(confirmation).PathAndQuery);
        var signedIn = await SignedInAsync(newcomer, "Una-Password-Lunga-1");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(signedIn, link)).StatusCode);
        Assert.Single(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.Where(m => m.Email == newcomer).ToListAsync()));
        Assert.Contains(await MembersOfAsync(id), m => m.Email == newcomer);
    }

    [Fact]
    public async Task A_collaborator_holds_their_own_rights_and_their_teams_and_nothing_more()
    {
        var (owner, guest, id) = await OrganizationWithGuestAsync("Studio Diritti");
        await app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "modules", "enable": [ "archive" ] } ] }""", "demo");
        var ownerClient = await SignedInAsync(owner, "Titolare-Demo-2026");
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(await SignedInAsync(guest, "Ospite-Demo-2026"), await InviteAsync(ownerClient, guest))).StatusCode);
        var members = await MembersOfAsync(id);
        var guestId = members.Single(m => m.Email == guest).UserId;
        var ownerId = members.Single(m => m.Email == owner).UserId;

        Task<IReadOnlySet<string>> RightsAsync(string userId) => app.InTenantAsync("demo", sp => sp.GetRequiredService<IOrganizationAccess>().RightsAsync(userId, id));
        Assert.Empty(await RightsAsync(guestId));
        // The legal representative holds every right of the enabled areas, Billing's (the demo sells) included.
        Assert.Equal(new[] { ArchiveModule.Manage, ArchiveModule.Read, "billing.pay", ArchiveModule.RegistryRead }, (await RightsAsync(ownerId)).Order());

        // Read by the collaborator's own grant, manage through a team.
        var memberPage = $"/demo/area/organization/members/{guestId}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ownerClient, memberPage, "Rights", new() { ["Rights"] = ArchiveModule.Read })).StatusCode);
        var created = await PostAsync(ownerClient, "/demo/area/organization/teams", "Create", new() { ["Name"] = "Archivisti" });
        var teamPage = "/demo" + created.Headers.Location!.OriginalString[created.Headers.Location.OriginalString.IndexOf("/area", StringComparison.Ordinal)..];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ownerClient, teamPage, "Rights", new() { ["Rights"] = ArchiveModule.Manage })).StatusCode);
        Assert.Equal(new[] { ArchiveModule.Read }, await RightsAsync(guestId));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(ownerClient, teamPage, "Members", new() { ["MemberIds"] = guestId })).StatusCode);
        Assert.Equal(new[] { ArchiveModule.Manage, ArchiveModule.Read }, (await RightsAsync(guestId)).Order());

        // The same rule decides through authorization, for pages and APIs of product modules alike.
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, guestId)], "test"));
        Assert.True(await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, id, new ProductRightRequirement(ArchiveModule.Manage))).Succeeded));
        Assert.False(await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, Guid.NewGuid(), new ProductRightRequirement(ArchiveModule.Read))).Succeeded));

        // A right nobody declares is a field error; a collaborator grants nothing, not even to themselves.
        var unknown = WebUtility.HtmlDecode(await (await PostAsync(ownerClient, memberPage, "Rights", new() { ["Rights"] = "sms.send" })).Content.ReadAsStringAsync());
        Assert.Contains("«sms.send» non è un diritto di un'area attiva.", unknown);
        var guestClient = await SignedInAsync(guest, "Ospite-Demo-2026");
        var self = await PostAsync(guestClient, memberPage, "Rights", new() { ["Rights"] = ArchiveModule.Read });
        Assert.Contains("/account/access-denied", self.Headers.Location!.OriginalString);
        var team = await PostAsync(guestClient, teamPage, "Delete", []);
        Assert.Contains("/account/access-denied", team.Headers.Location!.OriginalString);

        // Removed from the organization, their rights and teams go with them.
        await app.InTenantAsync("demo", async sp => { await sp.GetRequiredService<Memberships>().RemoveAsync(id, guestId, leaving: false, ownerId); return 0; });
        Assert.False(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Grants.AnyAsync(g => g.UserId == guestId)));
        Assert.False(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().TeamMembers.AnyAsync(t => t.UserId == guestId)));
    }

    [Fact]
    public async Task Another_organizations_members_and_teams_are_not_found_by_changing_the_address()
    {
        var (owner, _, id) = await OrganizationWithGuestAsync("Studio Altrui");
        var ownerId = (await MembersOfAsync(id)).Single().UserId;
        var teamId = await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<Teams>().CreateAsync(id, "Riservato", ownerId)).Id);

        var marco = await SignedInAsync(SignIn.DemoCustomer);
        Assert.Equal(HttpStatusCode.NotFound, (await marco.GetAsync($"/demo/area/organization/members/{ownerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marco.GetAsync($"/demo/area/organization/teams/{teamId}")).StatusCode);
        var html = await marco.GetStringAsync("/demo/area/organization/teams");
        var posted = await marco.PostAsync($"/demo/area/organization/teams/{teamId}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["OrganizationId"] = id.ToString(), ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.True(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Teams.AnyAsync(t => t.Id == teamId)));
    }

    [Fact]
    public async Task Administrative_contacts_are_chosen_per_member_and_fall_back_to_the_legal_representative()
    {
        var (owner, _, id) = await OrganizationWithGuestAsync("Studio Contatti");
        var contacts = await app.InTenantAsync("demo", sp => sp.GetRequiredService<IOrganizationDirectory>().ContactsAsync(id, ContactPurpose.Invoices));
        Assert.Equal(owner, Assert.Single(contacts).Email);

        // Sara sets her own preferences in the demo company, and only hers.
        var sara = await SignedInAsync("sara.conti@fiducia-demo.example");
        var company = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == "Esposito Consulenze S.r.l.").Select(o => o.Id).SingleAsync());
        var people = await MembersOfAsync(company);
        var saraId = people.Single(m => m.Email == "sara.conti@fiducia-demo.example").UserId;
        var marcoId = people.Single(m => m.Email == SignIn.DemoCustomer).UserId;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(sara, $"/demo/area/organization/members/{saraId}", "Contacts", new() { ["ReceivesInvoices"] = "true", ["ReceivesTechnicalNotices"] = "true" })).StatusCode);
        var invoices = await app.InTenantAsync("demo", sp => sp.GetRequiredService<IOrganizationDirectory>().ContactsAsync(company, ContactPurpose.Invoices));
        Assert.Contains(invoices, c => c.Email == "sara.conti@fiducia-demo.example");
        var marco = await PostAsync(sara, $"/demo/area/organization/members/{marcoId}", "Contacts", new() { ["ReceivesInvoices"] = "false" });
        Assert.Contains("/account/access-denied", marco.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Managers_read_and_export_their_organizations_activity_and_nobody_elses()
    {
        var (owner, guest, id) = await OrganizationWithGuestAsync("Studio Registro");
        var ownerClient = await SignedInAsync(owner, "Titolare-Demo-2026");
        await InviteAsync(ownerClient, guest);

        var page = WebUtility.HtmlDecode(await ownerClient.GetStringAsync("/demo/area/organization/activity"));
        Assert.Contains("Membro invitato", page);
        Assert.Contains(guest, page);
        Assert.DoesNotContain("sara.conti@fiducia-demo.example", page); // the demo company's entries are not this organization's

        var html = await ownerClient.GetStringAsync("/demo/area/organization/activity");
        var csv = await ownerClient.PostAsync("/demo/area/organization/activity?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
        }));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains(guest, text);
        Assert.DoesNotContain("127.0.0.1", text);

        var sara = await SignedInAsync("sara.conti@fiducia-demo.example");
        var denied = await sara.GetAsync("/demo/area/organization/activity");
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_invitation_mail_is_the_tenants_to_rewrite_where_organizations_are_on()
    {
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        Assert.Contains("Invito a far parte di un&#x27;organizzazione", await admin.GetStringAsync("/demo/admin/mail"));
        var template = WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/mail/template?key=organizations.invitation&language=en"));
        Assert.Contains("{{ inviter }} invites you to {{ organization }}", template);

        var platform = app.ClientFor();
        await SignIn.AsAsync(platform, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync("/admin/mail/template?key=organizations.invitation&language=it")).StatusCode);
    }

    [GeneratedRegex("name=\"OrganizationId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OrganizationField();
}

public sealed class MemberTestsOnSqlite(AppFixture fixture) : MemberTests(fixture.App), IClassFixture<AppFixture>;

public sealed class MemberTestsOnPostgres(PostgresAppFixture fixture) : MemberTests(fixture.App), IClassFixture<PostgresAppFixture>;
