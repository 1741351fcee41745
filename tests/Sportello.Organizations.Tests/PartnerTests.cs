using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Tests;

/// <summary>The partner program: applications and decisions, clients and the access they choose, partner staff, the console and the directory.</summary>
public abstract partial class PartnerTests(SportelloApp app)
{
    private const string Password = "Partner-Demo-2026";

    private async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, password);
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        if (!html.Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            html = await client.GetStringAsync("/demo/area/organization"); // a page this user may not use: the token and organization of another
        }

        var form = fields.ToList();
        form.Add(new("OrganizationId", OrganizationField().Match(html).Groups[1].Value));
        form.Add(new("__RequestVerificationToken", SignIn.AntiforgeryToken(html)));
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A company with its legal representative (and a collaborator), every user able to sign in; the archive module on.</summary>
    private async Task<(string Owner, string Collaborator, Guid Id, string PartitaIva)> CompanyAsync(string name)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var vat = TaxCodes.PartitaIva(suffix);
        var (owner, collaborator) = ($"lr-{suffix}@example.it", $"collab-{suffix}@example.it");
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "modules", "enable": [ "archive" ] },
              { "step": "users", "users": [
                { "email": "{{owner}}", "displayName": "Titolare {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] },
                { "email": "{{collaborator}}", "displayName": "Collaboratore {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "{{name}} {{suffix}}", "kind": "Company", "partitaIva": "{{vat}}" },
                "members": [ { "email": "{{owner}}", "role": "LegalRepresentative" }, { "email": "{{collaborator}}", "role": "Collaborator" } ] } ] } ] }
            """, "demo");
        var id = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == $"{name} {suffix}").Select(o => o.Id).SingleAsync());
        return (owner, collaborator, id, vat);
    }

    private async Task<Guid> ApprovedPartnerAsync(string owner, Guid id, string benefit = "Discount")
    {
        var applied = await PostAsync(await SignedInAsync(owner), "/demo/area/organization/partner", "Apply",
            Fields(("Website", "www.esempio-partner.example"), ("ServedAreas", "Campania")));
        Assert.True(applied.StatusCode == HttpStatusCode.Redirect, Regex.Match(WebUtility.HtmlDecode(await applied.Content.ReadAsStringAsync()), "(?s)<main.*?</main>").Value);
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var html = await admin.GetStringAsync("/demo/admin/partners");
        var approved = await admin.PostAsync($"/demo/admin/partners?handler=Approve&organizationId={id}", new FormUrlEncodedContent(Fields(
            ("Benefit", benefit), ("Percent", "12.5"), ("__RequestVerificationToken", SignIn.AntiforgeryToken(html)))));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        return id;
    }

    private Task<IReadOnlySet<string>> RightsAsync(string email, Guid organizationId) => app.InTenantAsync("demo", async sp =>
    {
        var user = (await sp.GetRequiredService<Identity.IUserDirectory>().FindByEmailAsync(email))!;
        return await sp.GetRequiredService<IOrganizationAccess>().RightsAsync(user.Id, organizationId);
    });

    [Fact]
    public async Task Only_a_business_with_a_website_applies_and_operators_decide_with_a_reason()
    {
        var (owner, collaborator, id, _) = await CompanyAsync("Candidata");
        var client = await SignedInAsync(owner);
        var page = "/demo/area/organization/partner";
        Assert.Contains("almeno 1.800,00\u00a0€", WebUtility.HtmlDecode(await client.GetStringAsync(page)));

        var noSite = WebUtility.HtmlDecode(await (await PostAsync(client, page, "Apply", Fields(("Website", "non un sito"), ("ServedAreas", "Campania")))).Content.ReadAsStringAsync());
        Assert.Contains("Scrivi l'indirizzo del sito", noSite);
        Assert.Contains("/account/access-denied", (await PostAsync(await SignedInAsync(collaborator), page, "Apply", Fields(("Website", "x.example"), ("ServedAreas", "x")))).Headers.Location!.OriginalString);

        // A person is no business: refused with the reason.
        var marco = await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var personal = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == "Marco Esposito").Select(o => o.Id).SingleAsync());
        marco.DefaultRequestHeaders.Add("Cookie", $".sportello.organization={personal}");
        Assert.Contains("Può diventare partner un'impresa con partita IVA", WebUtility.HtmlDecode(await (await PostAsync(marco, page, "Apply", Fields(("Website", "x.example"), ("ServedAreas", "Napoli")))).Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, "Apply", Fields(("Website", "https://www.candidata.example/"), ("ServedAreas", "Campania")))).StatusCode);
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var queue = WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/partners"));
        Assert.Contains($"data-application=\"{(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.SingleAsync(o => o.Id == id))).LegalName}\"", queue);

        async Task<string> DecideAsync(string handler, params (string, string)[] fields)
        {
            var html = await admin.GetStringAsync("/demo/admin/partners");
            var response = await admin.PostAsync($"/demo/admin/partners?handler={handler}&organizationId={id}", new FormUrlEncodedContent(
                Fields(fields).Append(new("__RequestVerificationToken", SignIn.AntiforgeryToken(html)))));
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("La percentuale va da 0,01 a 100", await DecideAsync("Approve", ("Benefit", "Discount"), ("Percent", "140")));
        Assert.Contains("Scegli uno sconto o un cashback.", await DecideAsync("Approve", ("Benefit", "Entrambi"), ("Percent", "10")));
        Assert.Contains("Scrivi il motivo", await DecideAsync("Reject", ("Reason", " ")));
        await DecideAsync("Reject", ("Reason", "Il volume previsto è troppo basso per ora."));
        Assert.Contains("Il volume previsto è troppo basso per ora.", WebUtility.HtmlDecode(await client.GetStringAsync(page)));
        Assert.Contains("La domanda è stata respinta", await DecideAsync("Approve", ("Benefit", "Cashback"), ("Percent", "5")));

        // A new application, approved with a cashback; the customer reads it and reaches the console.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, "Apply", Fields(("Website", "candidata.example"), ("ServedAreas", "Campania")))).StatusCode);
        await DecideAsync("Approve", ("Benefit", "Cashback"), ("Percent", "7.5"));
        Assert.Contains("cashback del 7,5%", WebUtility.HtmlDecode(await client.GetStringAsync(page)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/area/partner")).StatusCode);

        // Customers do not reach the queue; an organization that is no partner has no console.
        Assert.Contains("/account/access-denied", (await client.GetAsync("/demo/admin/partners")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword)).GetAsync("/demo/area/partner")).StatusCode);
    }

    [Fact]
    public async Task An_affiliate_is_never_a_partner()
    {
        var (owner, _, id, _) = await CompanyAsync("Affiliata");
        await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.Id == id).ExecuteUpdateAsync(u => u.SetProperty(o => o.IsAffiliate, true)));
        var refused = await PostAsync(await SignedInAsync(owner), "/demo/area/organization/partner", "Apply", Fields(("Website", "affiliata.example"), ("ServedAreas", "Lazio")));
        Assert.Contains("è un affiliato", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Partners.AnyAsync(p => p.OrganizationId == id)));
    }

    [Fact]
    public async Task A_proposed_client_confirms_with_limited_access_and_the_partner_reaches_only_that()
    {
        var (partnerOwner, partnerCollaborator, partnerId, _) = await CompanyAsync("Partner Limitato");
        await ApprovedPartnerAsync(partnerOwner, partnerId);
        var (clientOwner, _, _, _) = await CompanyAsync("Segnaposto"); // a user of the tenant who will be the new client's legal representative
        var partner = await SignedInAsync(partnerOwner);

        var before = Mailbox.Pickup(app, "demo", clientOwner).Count;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var proposed = await PostAsync(partner, "/demo/area/partner", "Propose", Fields(
            ("Client.LegalName", $"Cliente Nuovo {suffix}"), ("Client.Kind", "Company"), ("Client.PartitaIva", TaxCodes.PartitaIva(suffix)), ("Client.Language", "it"),
            ("LegalRepresentativeEmail", clientOwner)));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var link = new Uri(Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(app, "demo", clientOwner, before + 1))[^1])).PathAndQuery;

        // Only the named legal representative confirms.
        var stranger = await SignedInAsync(partnerCollaborator);
        Assert.Contains("Sei entrato con un altro indirizzo", WebUtility.HtmlDecode(await stranger.GetStringAsync(link)));

        var legal = await SignedInAsync(clientOwner);
        var page = await legal.GetStringAsync(link);
        var confirmed = await legal.PostAsync(link, new FormUrlEncodedContent(Fields(("Access", "Limited"), ("Areas", "archive"), ("__RequestVerificationToken", SignIn.AntiforgeryToken(page)))));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var clientId = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == $"Cliente Nuovo {suffix}").Select(o => o.Id).SingleAsync());
        Assert.Equal(OrganizationRole.LegalRepresentative, (await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.SingleAsync(m => m.OrganizationId == clientId))).Role);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync(link)).StatusCode); // used once

        // The partner's legal representative reaches the archive only; its collaborator nothing until assigned.
        Assert.Equal(new[] { ArchiveModule.Manage, ArchiveModule.Read }, (await RightsAsync(partnerOwner, clientId)).Order());
        Assert.Empty(await RightsAsync(partnerCollaborator, clientId));
        var console = WebUtility.HtmlDecode(await partner.GetStringAsync("/demo/area/partner"));
        Assert.Contains("Fascicolo clienti 2026", console);
        Assert.DoesNotContain("Registro protocolli riservato", console);
        Assert.Contains("scade il 31/01/2027", console);

        var collaboratorConsole = await SignedInAsync(partnerCollaborator);
        Assert.DoesNotContain($"Cliente Nuovo {suffix}", await collaboratorConsole.GetStringAsync("/demo/area/partner"));
        var relationship = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().PartnerClients.SingleAsync(c => c.ClientId == clientId));
        Assert.Equal(HttpStatusCode.NotFound, (await collaboratorConsole.GetAsync($"/demo/area/partner/clients/{relationship.Id}")).StatusCode);
        var collaboratorId = await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<Identity.IUserDirectory>().FindByEmailAsync(partnerCollaborator))!.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(partner, $"/demo/area/partner/clients/{relationship.Id}", "Staff", Fields(("Staff", collaboratorId)))).StatusCode);
        Assert.Equal(new[] { ArchiveModule.Manage, ArchiveModule.Read }, (await RightsAsync(partnerCollaborator, clientId)).Order());
        Assert.Contains($"Cliente Nuovo {suffix}", await collaboratorConsole.GetStringAsync("/demo/area/partner"));
        Assert.Contains("/account/access-denied", (await PostAsync(collaboratorConsole, "/demo/area/partner", "Export", [])).Headers.Location!.OriginalString);

        // The client widens the access to everything, then ends it: the partner reaches nothing, at once.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(legal, "/demo/area/organization/partner", "Access", Fields(("relationshipId", relationship.Id.ToString()), ("Access", "Full")))).StatusCode);
        Assert.Contains(ArchiveModule.RegistryRead, await RightsAsync(partnerOwner, clientId));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(legal, "/demo/area/organization/partner", "End", Fields(("relationshipId", relationship.Id.ToString())))).StatusCode);
        Assert.Empty(await RightsAsync(partnerOwner, clientId));
        Assert.Empty(await RightsAsync(partnerCollaborator, clientId));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/demo/area/partner/clients/{relationship.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_proposal_confirmed_twice_at_once_creates_one_organization()
    {
        var (partnerOwner, _, partnerId, _) = await CompanyAsync("Partner Doppio");
        await ApprovedPartnerAsync(partnerOwner, partnerId);
        var (clientOwner, _, _, _) = await CompanyAsync("Segnaposto Doppio");
        var before = Mailbox.Pickup(app, "demo", clientOwner).Count;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(await SignedInAsync(partnerOwner), "/demo/area/partner", "Propose", Fields(
            ("Client.LegalName", $"Cliente Doppio {suffix}"), ("Client.Kind", "Company"), ("Client.PartitaIva", TaxCodes.PartitaIva(suffix)), ("Client.Language", "it"),
            ("LegalRepresentativeEmail", clientOwner)))).StatusCode);
        var link = new Uri(Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(app, "demo", clientOwner, before + 1))[^1])).PathAndQuery;

        var tabs = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 4; i++)
        {
            var legal = await SignedInAsync(clientOwner);
            tabs.Add((legal, SignIn.AntiforgeryToken(await legal.GetStringAsync(link))));
        }

        var answers = await Task.WhenAll(tabs.Select(t => t.Client.PostAsync(link, new FormUrlEncodedContent(Fields(("Access", "Full"), ("__RequestVerificationToken", t.Token))))));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Equal(1, await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.CountAsync(o => o.LegalName == $"Cliente Doppio {suffix}")));
    }

    [Fact]
    public async Task An_organization_entrusts_itself_to_a_partner_and_the_partner_or_the_tenant_ends_it()
    {
        var (partnerOwner, _, partnerId, partnerVat) = await CompanyAsync("Partner Completo");
        await ApprovedPartnerAsync(partnerOwner, partnerId, "Cashback");
        var (clientOwner, clientCollaborator, clientId, _) = await CompanyAsync("Cliente Fiducioso");
        var client = await SignedInAsync(clientOwner);
        var page = "/demo/area/organization/partner";

        Assert.Contains("Nessun partner approvato ha questa partita IVA.", WebUtility.HtmlDecode(await (await PostAsync(client, page, "Entrust", Fields(("PartnerPartitaIva", "04681230639"), ("Access", "Full")))).Content.ReadAsStringAsync()));
        Assert.Contains("«pec» non è un'area attiva.", WebUtility.HtmlDecode(await (await PostAsync(client, page, "Entrust", Fields(("PartnerPartitaIva", partnerVat), ("Access", "Limited"), ("Areas", "pec")))).Content.ReadAsStringAsync()));
        Assert.Contains("/account/access-denied", (await PostAsync(await SignedInAsync(clientCollaborator), page, "Entrust", Fields(("PartnerPartitaIva", partnerVat), ("Access", "Full")))).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, "Entrust", Fields(("PartnerPartitaIva", partnerVat), ("Access", "Limited"), ("Areas", "registry"), ("Billing", "true")))).StatusCode);
        // Billing access gives the partner the right to pay the client's orders.
        Assert.Equal(new[] { "billing.pay", ArchiveModule.RegistryRead }, (await RightsAsync(partnerOwner, clientId)).Order());

        // Billing data goes out for the clients that let the partner see billing.
        var partner = await SignedInAsync(partnerOwner);
        var csv = await PostAsync(partner, "/demo/area/partner", "Export", []);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Cliente Fiducioso", await csv.Content.ReadAsStringAsync());

        // The operator ends the partnership: every client relationship ends with it.
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var html = await admin.GetStringAsync("/demo/admin/partners");
        var ended = await admin.PostAsync($"/demo/admin/partners?handler=End&organizationId={partnerId}", new FormUrlEncodedContent(Fields(
            ("Reason", "Contratto non rinnovato."), ("__RequestVerificationToken", SignIn.AntiforgeryToken(html)))));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Empty(await RightsAsync(partnerOwner, clientId));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync("/demo/area/partner")).StatusCode);
        Assert.Contains("Nessun partner gestisce l'organizzazione.", WebUtility.HtmlDecode(await client.GetStringAsync(page)));
    }

    /// <summary>What Billing prices with, through the contract: the benefit of an approved partner and the clients it manages, only while both last.</summary>
    [Fact]
    public async Task Billing_reads_an_approved_partner_terms_and_clients_only_while_they_last()
    {
        Task<T> Terms<T>(Func<IPartnerTerms, Task<T>> read) => app.InTenantAsync("demo", sp => read(sp.GetRequiredService<IPartnerTerms>()));

        var (discountOwner, _, discountId, _) = await CompanyAsync("Partner Sconto");
        Assert.Null(await Terms(t => t.OfAsync(discountId)));
        await ApprovedPartnerAsync(discountOwner, discountId);
        Assert.Equal(new PartnerTerms(discountId, 12.5m, 0m), await Terms(t => t.OfAsync(discountId)));

        var (cashbackOwner, _, cashbackId, cashbackVat) = await CompanyAsync("Partner Ricorrente");
        await ApprovedPartnerAsync(cashbackOwner, cashbackId, "Cashback");
        var (clientOwner, _, clientId, _) = await CompanyAsync("Cliente Seguito");
        Assert.Empty(await Terms(t => t.ManagersOfAsync(clientId)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(await SignedInAsync(clientOwner), "/demo/area/organization/partner", "Entrust",
            Fields(("PartnerPartitaIva", cashbackVat), ("Access", "Full")))).StatusCode);
        Assert.Equal([new PartnerTerms(cashbackId, 0m, 12.5m)], await Terms(t => t.ManagersOfAsync(clientId)));
        Assert.Equal([clientId], await Terms(t => t.ClientsOfAsync(cashbackId)));
        Assert.Empty(await Terms(t => t.ClientsOfAsync(discountId)));

        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var html = await admin.GetStringAsync("/demo/admin/partners");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/demo/admin/partners?handler=End&organizationId={cashbackId}", new FormUrlEncodedContent(Fields(
            ("Reason", "Programma chiuso."), ("__RequestVerificationToken", SignIn.AntiforgeryToken(html)))))).StatusCode);
        Assert.Null(await Terms(t => t.OfAsync(cashbackId)));
        Assert.Empty(await Terms(t => t.ManagersOfAsync(clientId)));
        Assert.Empty(await Terms(t => t.ClientsOfAsync(cashbackId)));
    }

    [Fact]
    public async Task The_directory_lists_opted_in_partners_and_forwards_a_quote_request_to_the_chosen_one()
    {
        var visitor = app.ClientFor();
        var directory = WebUtility.HtmlDecode(await visitor.GetStringAsync("/demo/partners"));
        Assert.Contains("Studio Gallo Servizi Digitali S.r.l.", directory);
        Assert.Contains("https://www.studiogallo.example", directory);
        Assert.DoesNotContain("Bianchi Digitale", directory); // an application still waiting

        var gallo = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == "Studio Gallo Servizi Digitali S.r.l.").Select(o => o.Id).SingleAsync());
        var bianchi = await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Organizations.Where(o => o.LegalName == "Bianchi Digitale S.r.l.").Select(o => o.Id).SingleAsync());
        async Task<HttpResponseMessage> AskAsync(Guid partner, string email)
        {
            var html = await visitor.GetStringAsync("/demo/partners");
            return await visitor.PostAsync("/demo/partners", new FormUrlEncodedContent(Fields(("PartnerId", partner.ToString()), ("Name", "Chiara Marino"), ("Email", email),
                ("Text", "Mi servono tre caselle PEC per lo studio."), ("__RequestVerificationToken", SignIn.AntiforgeryToken(html)))));
        }

        Assert.Contains("aria-invalid=\"true\"", await (await AskAsync(gallo, "chiara@")).Content.ReadAsStringAsync());
        Assert.Contains("Scegli un partner dell'elenco.", WebUtility.HtmlDecode(await (await AskAsync(bianchi, "chiara.marino@example.it")).Content.ReadAsStringAsync()));
        var before = Mailbox.Pickup(app, "demo", "partner@fiducia-demo.example").Count;
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(gallo, "chiara.marino@example.it")).StatusCode);
        var mail = (await Mailbox.WaitForPickupAsync(app, "demo", "partner@fiducia-demo.example", before + 1))[^1];
        Assert.Contains("Mi servono tre caselle PEC", mail.HtmlBody);
        Assert.True(await app.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().QuoteRequests.AnyAsync(q => q.PartnerId == gallo && q.Email == "chiara.marino@example.it")));
        Assert.Contains("chiara.marino@example.it", await (await SignedInAsync("partner@fiducia-demo.example", SignIn.DemoCustomerPassword)).GetStringAsync("/demo/area/partner"));
    }

    [Fact]
    public async Task The_threshold_is_a_tenant_setting_for_those_who_change_settings()
    {
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        async Task<HttpResponseMessage> SaveAsync(string amount, string currency)
        {
            var html = await admin.GetStringAsync("/demo/admin/partners");
            return await admin.PostAsync("/demo/admin/partners?handler=Threshold", new FormUrlEncodedContent(Fields(("Threshold", amount), ("Currency", currency),
                ("__RequestVerificationToken", SignIn.AntiforgeryToken(html)))));
        }

        Assert.Contains("Scegli euro o franchi svizzeri.", WebUtility.HtmlDecode(await (await SaveAsync("2000", "USD")).Content.ReadAsStringAsync()));
        Assert.Contains("Scrivi un importo", WebUtility.HtmlDecode(await (await SaveAsync("-5", "EUR")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync("2000", "CHF")).StatusCode);
        Assert.Contains("CHF\u00a02'000.00", WebUtility.HtmlDecode(await (await SignedInAsync("partner@fiducia-demo.example", SignIn.DemoCustomerPassword)).GetStringAsync("/demo/area/partner")));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync("1800", "EUR")).StatusCode);
    }

    [GeneratedRegex("name=\"OrganizationId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OrganizationField();
}

public sealed class PartnerTestsOnSqlite(AppFixture fixture) : PartnerTests(fixture.App), IClassFixture<AppFixture>;

public sealed class PartnerTestsOnPostgres(PostgresAppFixture fixture) : PartnerTests(fixture.App), IClassFixture<PostgresAppFixture>;
