using System.Net;
using System.Text.RegularExpressions;

namespace Sportello.Identity.Tests;

public abstract partial class AdminAreaTests(StoreKind kind) : ProviderTests(kind)
{
    [GeneratedRegex("href=\"(/demo/admin/users/[^\"?]+)\"")]
    private static partial Regex UserLink();

    private async Task<HttpClient> AdminAsync()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        return client;
    }


    [Fact]
    public async Task The_side_menu_shows_only_what_the_user_may_open()
    {
        var admin = WebUtility.HtmlDecode(await (await AdminAsync()).GetStringAsync("/demo/admin"));
        Assert.Contains("href=\"/demo/admin/users\"", admin);
        Assert.Contains("href=\"/demo/admin/mail\"", admin);
        Assert.DoesNotContain("/admin/tenants", admin);

        await App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "operatore@fiducia-demo.example", "password": "Operatore-Demo-1", "roles": ["Operator"] } ] } ] }
            """, "demo");
        var operatorClient = App.ClientFor();
        await SignIn.AsAsync(operatorClient, "/demo", "operatore@fiducia-demo.example", "Operatore-Demo-1");
        var page = await operatorClient.GetStringAsync("/demo/admin");
        Assert.DoesNotContain("/demo/admin/users", page);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.GetAsync("/demo/admin/users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_finds_locks_and_unlocks_a_user()
    {
        var admin = await AdminAsync();
        var list = await admin.GetStringAsync("/demo/admin/users?q=esposito");
        Assert.Contains(SignIn.DemoCustomer, list);
        Assert.DoesNotContain(SignIn.DemoAdmin, list);

        var details = UserLink().Matches(list).Select(m => m.Groups[1].Value).Single();
        var customer = App.ClientFor();
        await SignIn.AsAsync(customer, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);

        var confirm = WebUtility.HtmlDecode(await admin.GetStringAsync(details + "?confirm=lock"));
        Assert.Contains("Bloccare l'accesso di cliente@fiducia-demo.example?", confirm);
        var lockAction = WebUtility.HtmlDecode(Regex.Match(confirm, "action=\"([^\"]*handler=Lock[^\"]*)\"").Groups[1].Value);
        var locked = await SignIn.PostFormAsync(admin, details + "?confirm=lock", lockAction, []);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("Utente bloccato", WebUtility.HtmlDecode(await admin.GetStringAsync(locked.Headers.Location!.OriginalString)));

        // The session the customer had open ends at once, and the right password now says why.
        Assert.Equal(HttpStatusCode.Redirect, (await customer.GetAsync("/demo/account")).StatusCode);
        Assert.Contains("Il tuo accesso è stato sospeso", WebUtility.HtmlDecode(await (await SignIn.PostLoginAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword)).Content.ReadAsStringAsync()));
        Assert.Contains("E-mail o password non corretti.", WebUtility.HtmlDecode(await (await SignIn.PostLoginAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, "non-la-sua-1A")).Content.ReadAsStringAsync()));

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(details));
        var unlock = WebUtility.HtmlDecode(Regex.Match(page, "action=\"([^\"]*handler=Unlock[^\"]*)\"").Groups[1].Value);
        var unlocked = await SignIn.PostFormAsync(admin, details, unlock, []);
        Assert.Contains("Utente sbloccato.", WebUtility.HtmlDecode(await admin.GetStringAsync(unlocked.Headers.Location!.OriginalString)));
        await SignIn.AsAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);

        var audit = await App.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Identity.Data.IdentityStoreDbContext>()
            .Set<Sportello.Core.Audit.AuditEntry>().Where(a => a.Action == "identity.user-locked" && a.SubjectName == SignIn.DemoCustomer).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("user", entry.ActorKind);
        Assert.NotEqual(entry.SubjectId, entry.ActorId); // the administrator, not the locked user
    }

    [Fact]
    public async Task An_invited_user_chooses_a_password_from_the_e_mailed_link()
    {
        var admin = await AdminAsync();
        var response = await SignIn.PostFormAsync(admin, "/demo/admin/users", "/demo/admin/users?handler=Invite", new()
        {
            ["InviteName"] = "Paolo Greco",
            ["InviteEmail"] = "paolo@example.it",
            ["InviteRole"] = "Operator",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var message = Assert.Single(Mailbox.Pickup(App, "demo", "paolo@example.it"));
        Assert.Contains("Il tuo accesso a Fiducia Digitale Demo", message.Subject);
        var link = new Uri(Mailbox.FirstLink(message)).PathAndQuery;
        var client = App.ClientFor();
        var form = await client.GetStringAsync(link);
        await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "Password-Di-Paolo-1",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        await SignIn.AsAsync(App.ClientFor(), "/demo", "paolo@example.it", "Password-Di-Paolo-1");
    }

    [Fact]
    public async Task A_recipe_can_invite_a_user_who_then_chooses_a_password()
    {
        await App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "invitata@example.it", "displayName": "Sara Neri", "invite": true, "roles": ["Operator"] } ] } ] }
            """, "demo");
        var message = Assert.Single(Mailbox.Pickup(App, "demo", "invitata@example.it"));
        var link = Mailbox.FirstLink(message);
        Assert.StartsWith("http://localhost:5000/demo/account/reset-password?", link);

        var client = App.ClientFor();
        var path = new Uri(link).PathAndQuery;
        var form = await client.GetStringAsync(path);
        await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "Password-Di-Sara-1",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        await SignIn.AsAsync(App.ClientFor(), "/demo", "invitata@example.it", "Password-Di-Sara-1");

        await App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "invitata@example.it", "invite": true, "roles": ["Operator"] } ] } ] }
            """, "demo");
        Assert.Single(Mailbox.Pickup(App, "demo", "invitata@example.it")); // not invited twice
    }

    [Fact]
    public async Task A_recipe_user_needs_a_password_or_an_invitation_not_both()
    {
        var ex = await Assert.ThrowsAsync<Sportello.Core.Recipes.RecipeException>(() => App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [
              { "email": "a@example.it" },
              { "email": "b@example.it", "password": "Password-Lunga-1", "invite": true } ] } ] }
            """, "demo"));
        Assert.Equal(["$.steps[0].users[0].password", "$.steps[0].users[1].password"], ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public async Task An_administrator_can_reset_a_users_two_factor()
    {
        await App.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sportello.Identity.Data.SportelloUser>>();
            var user = (await users.FindByEmailAsync(SignIn.DemoCustomer))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });
        var admin = await AdminAsync();
        var details = UserLink().Match(await admin.GetStringAsync("/demo/admin/users?q=esposito")).Groups[1].Value;
        var action = WebUtility.HtmlDecode(Regex.Match(await admin.GetStringAsync(details), "action=\"([^\"]*handler=ResetTwoFactor[^\"]*)\"").Groups[1].Value);
        var done = await SignIn.PostFormAsync(admin, details, action, []);
        Assert.Contains("Verifica in due passaggi azzerata", WebUtility.HtmlDecode(await admin.GetStringAsync(done.Headers.Location!.OriginalString)));
        await SignIn.AsAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword); // no second step any more
    }

    [Fact]
    public async Task A_customer_cannot_use_the_user_administration()
    {
        var customer = App.ClientFor();
        await SignIn.AsAsync(customer, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = await customer.GetStringAsync("/demo/account");
        var response = await customer.PostAsync("/demo/admin/users?handler=Invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["InviteName"] = "X", ["InviteEmail"] = "x@example.it", ["InviteRole"] = "Administrator",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.OriginalString);
        Assert.Empty(Mailbox.Pickup(App, "demo", "x@example.it"));
    }

    [Fact]
    public async Task A_new_role_gets_permissions_that_its_users_then_hold()
    {
        var admin = await AdminAsync();
        await SignIn.PostFormAsync(admin, "/demo/admin/roles", "/demo/admin/roles?handler=Create", new() { ["NewName"] = "Supporto", ["NewDescription"] = "Assistenza ai clienti" });
        var page = await admin.GetStringAsync("/demo/admin/roles");
        var action = WebUtility.HtmlDecode(Regex.Matches(page, "action=\"([^\"]*handler=Permissions[^\"]*)\"").Select(m => m.Groups[1].Value)
            .Single(a => page.IndexOf(a, StringComparison.Ordinal) > page.IndexOf(">Supporto<", StringComparison.Ordinal)));
        var saved = await SignIn.PostFormAsync(admin, "/demo/admin/roles", action, new() { ["granted"] = "users.manage" });
        Assert.Contains("Permessi salvati", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()));

        await App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "supporto@fiducia-demo.example", "password": "Supporto-Demo-1", "roles": ["Customer"] } ] } ] }
            """, "demo");
        await App.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sportello.Identity.Data.SportelloUser>>();
            return await users.AddToRoleAsync((await users.FindByEmailAsync("supporto@fiducia-demo.example"))!, "Supporto");
        });
        var support = App.ClientFor();
        await SignIn.AsAsync(support, "/demo", "supporto@fiducia-demo.example", "Supporto-Demo-1");
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync("/demo/admin/users")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await support.GetAsync("/demo/admin/roles")).StatusCode);
    }

    [Fact]
    public async Task Branding_changes_show_at_once_and_bad_colours_are_refused()
    {
        var admin = await AdminAsync();
        var fields = new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Fiducia Nuova", ["Form.PrimaryColor"] = "#112233", ["Form.AccentColor"] = "#445566",
            ["Form.CustomerPhone"] = "06 1234 5678", ["Form.BusinessHours"] = "Lun/Ven 09.00-17.00",
        };
        var saved = await SignIn.PostFormAsync(admin, "/demo/admin/branding", "/demo/admin/branding", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var home = await App.ClientFor().GetStringAsync("/demo/");
        Assert.Contains("--brand-primary:#112233", await Branding.StyleOfAsync(App.ClientFor(), home));
        Assert.Contains("Fiducia Nuova", home);

        fields["Form.PrimaryColor"] = "red;}body{display:none";
        var refused = await SignIn.PostFormAsync(admin, "/demo/admin/branding", "/demo/admin/branding", new(fields));
        Assert.Contains("non è un colore esadecimale", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("--brand-primary:#112233", await Branding.StyleOfAsync(App.ClientFor(), await App.ClientFor().GetStringAsync("/demo/")));
    }

    [Fact]
    public async Task A_template_with_a_syntax_error_is_not_saved_and_the_error_names_the_line()
    {
        var admin = await AdminAsync();
        var page = "/demo/admin/mail/template?key=account.reset-password&language=it";
        var broken = await SignIn.PostFormAsync(admin, page, "/demo/admin/mail/template?handler=Save", new()
        {
            ["Key"] = "account.reset-password", ["Language"] = "it",
            ["Subject"] = "Nuova password", ["Body"] = "<p>Ciao</p>\n<p>{% if user.name %}ciao</p>",
        });
        var html = WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync());
        Assert.Contains("Testo: Riga 2, colonna", html);
        Assert.Contains("Manca la chiusura «{% endif %}»", html);

        // The preview is a document of its own, sandboxed by its policy, in a frame of the page.
        var preview = await SignIn.PostFormAsync(admin, page, "/demo/admin/mail/template?handler=Frame", new()
        {
            ["Key"] = "account.reset-password", ["Language"] = "it",
            ["Subject"] = "Per {{ user.name }}", ["Body"] = "<p>{{ tenant.name }}: <script>x</script>{{ link }}</p>",
        });
        var shown = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Per Maria Rossi", WebUtility.HtmlDecode(shown));
        Assert.Contains("Fiducia Digitale Demo", WebUtility.HtmlDecode(shown));
        Assert.StartsWith("sandbox; default-src 'none'", preview.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("name=\"mail-preview\"", await admin.GetStringAsync(page));

        var saved = await SignIn.PostFormAsync(admin, page, "/demo/admin/mail/template?handler=Save", new()
        {
            ["Key"] = "account.reset-password", ["Language"] = "it", ["Subject"] = "Password per {{ user.name }}", ["Body"] = "<p><a href=\"{{ link }}\">Vai</a></p>",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Personalizzato", WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/mail")));
    }
}

public sealed class AdminAreaTestsOnSqlite() : AdminAreaTests(StoreKind.Sqlite);

public sealed class AdminAreaTestsOnPostgres() : AdminAreaTests(StoreKind.Postgres);
