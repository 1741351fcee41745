using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Tests;

/// <summary>
/// Operators manage customers' shop accounts: search, a password typed twice, deactivation, a reset e-mailed from
/// the customer record, and dissociation from one record of a shared account; and whoever may not, cannot.
/// </summary>
public abstract class EcommerceUserTests(SportelloApp app, FakeTimeProvider time)
{
    private const string Password = "Cliente-Commerce-2026";
    private const string Users = "/demo/admin/commerce/users";

    private sealed record Account(string Email, string Id, HttpClient Client);

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<HttpClient> OperatorAsync()
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        return client;
    }

    /// <summary>A fresh customer who is legal representative of their own record and, optionally, administrator of a second record owned by someone else.</summary>
    private async Task<(Account Account, Guid Own, Guid? Shared)> CustomerAsync(bool shared = false)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"negozio-{suffix}@example.it";
        var owner = $"titolare-{suffix}@example.it";
        var second = shared
            ? $$""", { "data": { "legalName": "Condivisa {{suffix}} S.r.l.", "kind": "Company", "partitaIva": "04681230639" }, "members": [ { "email": "{{owner}}", "role": "LegalRepresentative" }, { "email": "{{email}}", "role": "Administrator" } ] }"""
            : string.Empty;
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [
              { "step": "users", "users": [
                { "email": "{{email}}", "displayName": "Negozio {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] },
                { "email": "{{owner}}", "displayName": "Titolare {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [
                { "data": { "legalName": "Propria {{suffix}}", "kind": "Person", "codiceFiscale": "RMNPLA75M12F839X" },
                  "members": [ { "email": "{{email}}", "role": "LegalRepresentative" } ] }{{second}} ] } ] }
            """, "demo");
        var id = (await app.InTenantAsync("demo", sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(email)))!.Id;
        var records = await app.InTenantAsync("demo", sp => sp.GetRequiredService<IAccountRecords>().OfAsync([id]));
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, Password);
        return (new Account(email, id, client), records[id].Single(r => r.LegalName.StartsWith("Propria")).OrganizationId,
            shared ? records[id].Single(r => r.LegalName.StartsWith("Condivisa")).OrganizationId : null);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string? handler = null, Dictionary<string, string>? fields = null) =>
        SignIn.PostFormAsync(client, page, handler is null ? page : $"{page}?handler={handler}", fields ?? []);

    [Fact]
    public async Task The_list_finds_an_account_by_a_few_letters_of_the_name_or_the_e_mail_and_never_lists_staff()
    {
        var client = await OperatorAsync();

        var byName = await client.GetStringAsync($"{Users}?q=sposit");
        Assert.Contains(SignIn.DemoCustomer, byName);
        Assert.Contains("Esposito Consulenze S.r.l.", WebUtility.HtmlDecode(byName));
        Assert.Contains(SignIn.DemoCustomer, await client.GetStringAsync($"{Users}?q=CLIENTE%40FIDUCIA"));
        Assert.DoesNotContain(SignIn.DemoAdmin, await client.GetStringAsync($"{Users}?q=ferri"));
        Assert.DoesNotContain(SignIn.DemoAdmin, await client.GetStringAsync(Users));
        Assert.Contains("Nessun account trovato", await client.GetStringAsync($"{Users}?q=%25_nessuno"));

        Assert.Contains("giorgio.marino@", await client.GetStringAsync($"{Users}?q=marino&status=Deactivated"));
        Assert.DoesNotContain("giorgio.marino@", await client.GetStringAsync($"{Users}?q=marino&status=Active"));
        Assert.DoesNotContain(SignIn.DemoCustomer, await client.GetStringAsync($"{Users}?q=sposit&status=Deactivated"));
    }

    [Fact]
    public async Task A_customer_is_refused_and_an_account_of_another_tenant_is_not_found()
    {
        var (account, own, _) = await CustomerAsync();
        foreach (var path in new[] { Users, $"{Users}/{account.Id}", $"/demo/admin/commerce/records/{own}/reset/{account.Id}", $"/demo/admin/commerce/records/{own}/dissociate/{account.Id}" })
        {
            Assert.Contains("/account/access-denied", (await account.Client.GetAsync(path)).Headers.Location!.OriginalString);
        }

        var other = "altro" + Guid.NewGuid().ToString("N")[..6];
        await app.RunRecipeAsync($$"""{ "name": "t", "steps": [ { "step": "tenant", "name": "{{other}}", "prefix": "{{other}}" }, { "step": "modules", "enable": ["identity", "organizations", "commerce"] } ] }""");
        await app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "users", "users": [ { "email": "estraneo@example.it", "password": "Password-Lunga-1", "roles": ["Customer"] } ] } ] }""", other);
        var stranger = (await app.InTenantAsync(other, sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync("estraneo@example.it")))!.Id;
        var staff = (await app.InTenantAsync("demo", sp => sp.GetRequiredService<IUserDirectory>().FindByEmailAsync(SignIn.DemoAdmin)))!.Id;

        var client = await OperatorAsync();
        var token = SignIn.AntiforgeryToken(await client.GetStringAsync($"{Users}/{account.Id}"));
        foreach (var id in new[] { stranger, staff })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Users}/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"{Users}/{id}?handler=Deactivate", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/demo/admin/commerce/records/{own}/reset/{id}")).StatusCode);
        }

        Assert.True(await app.InTenantAsync(other, async sp => (await sp.GetRequiredService<ICustomerAccounts>().FindAsync(stranger))!.Active));
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(app.ClientFor(), "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword)).StatusCode);
    }

    [Fact]
    public async Task An_operator_sets_a_password_typed_twice_that_the_customer_must_change_and_no_e_mail_is_sent()
    {
        var (account, _, _) = await CustomerAsync();
        var client = await OperatorAsync();
        var page = $"{Users}/{account.Id}";
        var before = Mailbox.Count(CommerceFixture.Maildir, account.Email);

        var differ = await TextAsync(await PostAsync(client, page, "Password", new() { ["Password"] = "Nuova-Password-2026", ["Confirmation"] = "Nuova-Password-2027" }));
        Assert.Contains("Le due password non coincidono", differ);
        var weak = await TextAsync(await PostAsync(client, page, "Password", new() { ["Password"] = "corta", ["Confirmation"] = "corta" }));
        Assert.Contains("La password è troppo corta", weak);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(app.ClientFor(), "/demo", account.Email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync("/demo/area")).StatusCode);

        var set = await PostAsync(client, page, "Password", new() { ["Password"] = "Nuova-Password-2026", ["Confirmation"] = "Nuova-Password-2026" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("non è stata inviata nessuna e-mail", WebUtility.HtmlDecode(await client.GetStringAsync(set.Headers.Location!.OriginalString)));

        Assert.Equal(HttpStatusCode.Redirect, (await account.Client.GetAsync("/demo/area")).StatusCode); // the customer's session ended
        Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(app.ClientFor(), "/demo", account.Email, Password)).StatusCode);
        var customer = app.ClientFor();
        await SignIn.AsAsync(customer, "/demo", account.Email, "Nuova-Password-2026");
        Assert.Contains("/account/password", (await customer.GetAsync("/demo/area")).Headers.Location!.OriginalString);
        await Task.Delay(300);
        Assert.Equal(before, Mailbox.Count(CommerceFixture.Maildir, account.Email));
        Assert.Contains("Password impostata da un operatore", WebUtility.HtmlDecode(await client.GetStringAsync(page)));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_keeps_its_records_and_can_be_reactivated()
    {
        var (account, own, _) = await CustomerAsync();
        var client = await OperatorAsync();
        var page = $"{Users}/{account.Id}";

        var deactivated = await PostAsync(client, page, "Deactivate");
        Assert.Contains("Account disattivato", WebUtility.HtmlDecode(await client.GetStringAsync(deactivated.Headers.Location!.OriginalString)));
        Assert.Equal(HttpStatusCode.Redirect, (await account.Client.GetAsync("/demo/area")).StatusCode);
        Assert.Contains("Il tuo accesso è stato sospeso", await TextAsync(await SignIn.PostLoginAsync(app.ClientFor(), "/demo", account.Email, Password)));
        Assert.DoesNotContain("sospeso", await TextAsync(await SignIn.PostLoginAsync(app.ClientFor(), "/demo", account.Email, "Non-La-Password-1")));
        Assert.Contains(account.Email, await client.GetStringAsync($"{Users}?q={account.Email}&status=Deactivated"));
        Assert.Contains(own.ToString(), await client.GetStringAsync(page));

        await PostAsync(client, page, "Reactivate");
        await SignIn.AsAsync(app.ClientFor(), "/demo", account.Email, Password);
        var history = WebUtility.HtmlDecode(await client.GetStringAsync(page));
        Assert.Contains("Giulia Ferri", history);
        Assert.Contains("Accesso", history);
    }

    [Fact]
    public async Task A_reset_from_the_customer_record_e_mails_a_one_hour_link_that_works_once()
    {
        var (account, own, _) = await CustomerAsync();
        var client = await OperatorAsync();
        await PostAsync(client, $"{Users}/{account.Id}", "Password", new() { ["Password"] = "Da-Cambiare-2026", ["Confirmation"] = "Da-Cambiare-2026" });
        var record = WebUtility.HtmlDecode(await client.GetStringAsync($"/demo/admin/organizations/{own}"));
        Assert.Contains("Account e-commerce", record);
        var confirm = $"/demo/admin/commerce/records/{own}/reset/{account.Id}";
        Assert.Contains(confirm[5..], record);
        var question = WebUtility.HtmlDecode(await client.GetStringAsync(confirm));
        Assert.Contains("Inviare al cliente un'e-mail per impostare una nuova password?", question);
        Assert.Contains("collegamento valido un'ora", question);

        var before = Mailbox.Count(CommerceFixture.Maildir, account.Email);
        var sent = await PostAsync(client, confirm);
        Assert.Contains("E-mail inviata a " + account.Email, WebUtility.HtmlDecode(await client.GetStringAsync(sent.Headers.Location!.OriginalString)));
        var message = await Mailbox.WaitForAsync(CommerceFixture.Maildir, account.Email, before);
        Assert.Contains("Scegli una nuova password", message.Subject);
        Assert.Contains("60 minuti", message.HtmlBody);
        var link = new Uri(Mailbox.FirstLink(message)).PathAndQuery;

        var browser = app.ClientFor();
        var form = await browser.GetStringAsync(link);
        var done = await browser.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "Scelta-Dal-Cliente-26",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        Assert.Contains("Password aggiornata", await TextAsync(done));
        var customer = app.ClientFor();
        await SignIn.AsAsync(customer, "/demo", account.Email, "Scelta-Dal-Cliente-26");
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/demo/area")).StatusCode); // chosen by the customer: no change asked
        Assert.Contains("Collegamento non più valido", WebUtility.HtmlDecode(await browser.GetStringAsync(link)));

        var history = WebUtility.HtmlDecode(await client.GetStringAsync($"{Users}/{account.Id}"));
        Assert.Contains("Reimpostazione della password inviata dall'anagrafica", history);
        Assert.Contains("Propria ", history);
    }

    [Fact]
    public async Task A_reset_link_from_the_record_expires_after_one_hour()
    {
        var (account, own, _) = await CustomerAsync();
        var client = await OperatorAsync();
        var before = Mailbox.Count(CommerceFixture.Maildir, account.Email);
        await PostAsync(client, $"/demo/admin/commerce/records/{own}/reset/{account.Id}");
        var link = new Uri(Mailbox.FirstLink(await Mailbox.WaitForAsync(CommerceFixture.Maildir, account.Email, before))).PathAndQuery;

        time.Advance(TimeSpan.FromMinutes(61));
        var expired = WebUtility.HtmlDecode(await app.ClientFor().GetStringAsync(link));
        Assert.Contains("Collegamento non più valido", expired);
        Assert.Contains("Inviami un nuovo collegamento", expired);
        await SignIn.AsAsync(app.ClientFor(), "/demo", account.Email, Password); // nothing changed meanwhile
    }

    [Fact]
    public async Task With_the_generated_password_setting_the_e_mail_carries_a_password_to_change_at_the_first_sign_in()
    {
        var (account, own, _) = await CustomerAsync();
        await app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "settings", "modules": { "commerce": { "operatorReset": "GeneratedPassword" } } } ] }""", "demo");
        try
        {
            var client = await OperatorAsync();
            var confirm = $"/demo/admin/commerce/records/{own}/reset/{account.Id}";
            Assert.Contains("password provvisoria", WebUtility.HtmlDecode(await client.GetStringAsync(confirm)));
            var before = Mailbox.Count(CommerceFixture.Maildir, account.Email);
            await PostAsync(client, confirm);
            var message = await Mailbox.WaitForAsync(CommerceFixture.Maildir, account.Email, before);
            var generated = System.Text.RegularExpressions.Regex.Match(message.HtmlBody ?? string.Empty, @"monospace;font-size:18px"">([^<]+)<").Groups[1].Value;
            Assert.Matches("^[A-Za-z2-9-]{16,}$", generated);

            Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(app.ClientFor(), "/demo", account.Email, Password)).StatusCode);
            var customer = app.ClientFor();
            await SignIn.AsAsync(customer, "/demo", account.Email, generated);
            Assert.Contains("/account/password", (await customer.GetAsync("/demo/area")).Headers.Location!.OriginalString);
        }
        finally
        {
            await app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "settings", "modules": { "commerce": { "operatorReset": "Link" } } } ] }""", "demo");
        }
    }

    [Fact]
    public async Task A_shared_account_dissociated_from_one_record_keeps_the_other_and_loses_this_one_at_once()
    {
        var (account, own, shared) = await CustomerAsync(shared: true);
        var client = await OperatorAsync();
        account.Client.DefaultRequestHeaders.Add("Cookie", $".sportello.organization={shared}");
        Assert.Contains("Condivisa ", WebUtility.HtmlDecode(await account.Client.GetStringAsync("/demo/area/organization")));

        var confirm = $"/demo/admin/commerce/records/{shared}/dissociate/{account.Id}";
        var question = WebUtility.HtmlDecode(await client.GetStringAsync(confirm));
        Assert.Contains($"Dissociare {account.Email} da Condivisa", question);
        Assert.Contains("Propria ", question);
        var done = await PostAsync(client, confirm);
        Assert.Contains("Account dissociato dall'anagrafica", WebUtility.HtmlDecode(await client.GetStringAsync(done.Headers.Location!.OriginalString)));

        var area = WebUtility.HtmlDecode(await account.Client.GetStringAsync("/demo/area/organization"));
        Assert.Contains("Propria ", area);
        Assert.DoesNotContain("Condivisa ", area);
        Assert.DoesNotContain(account.Email, await client.GetStringAsync($"/demo/admin/organizations/{shared}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(confirm)).StatusCode);
        await SignIn.AsAsync(app.ClientFor(), "/demo", account.Email, Password);

        var audit = WebUtility.HtmlDecode(await client.GetStringAsync($"/demo/admin/audit?subject={account.Id}"));
        Assert.Contains("Account dissociato da un'anagrafica", audit);
        Assert.Contains("Condivisa ", WebUtility.HtmlDecode(await client.GetStringAsync($"{Users}/{account.Id}")));
    }

    [Fact]
    public async Task The_last_record_is_not_dissociated_and_deactivating_is_offered_instead()
    {
        var (account, own, _) = await CustomerAsync();
        var client = await OperatorAsync();
        var confirm = $"/demo/admin/commerce/records/{own}/dissociate/{account.Id}";
        Assert.Contains("vuoi invece disattivarlo?", WebUtility.HtmlDecode(await client.GetStringAsync(confirm)));

        Assert.Contains("Questa è l'unica anagrafica dell'account", await TextAsync(await PostAsync(client, confirm)));
        Assert.Contains(account.Email, await client.GetStringAsync($"/demo/admin/organizations/{own}"));

        var deactivated = await PostAsync(client, confirm, "Deactivate");
        Assert.Contains("Account disattivato", WebUtility.HtmlDecode(await client.GetStringAsync(deactivated.Headers.Location!.OriginalString)));
        Assert.Contains("Il tuo accesso è stato sospeso", await TextAsync(await SignIn.PostLoginAsync(app.ClientFor(), "/demo", account.Email, Password)));
        Assert.Contains(account.Email, await client.GetStringAsync($"/demo/admin/organizations/{own}"));
    }

    [Fact]
    public async Task The_only_legal_representative_of_a_record_is_not_dissociated_from_it()
    {
        var (account, own, shared) = await CustomerAsync(shared: true);
        var client = await OperatorAsync();
        var confirm = $"/demo/admin/commerce/records/{own}/dissociate/{account.Id}";

        Assert.Contains("è l'unico legale rappresentante di Propria", await TextAsync(await PostAsync(client, confirm)));
        var records = await app.InTenantAsync("demo", sp => sp.GetRequiredService<IAccountRecords>().OfAsync([account.Id]));
        Assert.Equal(2, records[account.Id].Count);
        Assert.Contains(records[account.Id], r => r.OrganizationId == shared);
    }
}

public sealed class EcommerceUserTestsOnSqlite(CommerceFixture fixture) : EcommerceUserTests(fixture.App, fixture.Time), IClassFixture<CommerceFixture>;

public sealed class EcommerceUserTestsOnPostgres(PostgresCommerceFixture fixture) : EcommerceUserTests(fixture.App, fixture.Time), IClassFixture<PostgresCommerceFixture>;
