using System.Net;
using Sportello.Mail.Data;
using Sportello.Core.Tenancy;
using Sportello.Mail.Domain;

namespace Sportello.Identity.Tests;

/// <summary>
/// Templates run within limits and fall back to the default when they fail, with the operator told; subjects are
/// plain text; a tenant's SMTP server is never on an internal network; and a sender address counts only once its
/// mailbox has confirmed it.
/// </summary>
public abstract class MailSafetyTests(AppFixture fixture)
{
    private SportelloApp App => fixture.App;

    private async Task<HttpClient> AdminAsync()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        return client;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private Task EditTemplateAsync(string key, string subject, string body) => App.InTenantAsync("demo", async sp =>
    {
        var db = sp.GetRequiredService<MailDbContext>();
        await db.Templates.Where(t => t.Key == key).ExecuteDeleteAsync();
        db.Templates.Add(new MailTemplate { Key = key, Language = "it", Subject = subject, Body = body, UpdatedUtc = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_template_over_the_limits_is_refused_when_saved()
    {
        var admin = await AdminAsync();
        var page = "/demo/admin/mail/template?key=account.set-password&language=it";
        var response = await SignIn.PostFormAsync(admin, page, "/demo/admin/mail/template?handler=Save", new()
        {
            ["Key"] = "account.set-password", ["Language"] = "it",
            ["Subject"] = "Invito", ["Body"] = "{% for i in (1..20000000) %}{{ i }}{% endfor %}",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Il modello supera i limiti", await TextAsync(response));
        Assert.Equal(0, await App.InTenantAsync("demo", sp => sp.GetRequiredService<MailDbContext>().Templates.CountAsync(t => t.Key == "account.set-password")));
    }

    [Fact]
    public async Task An_operator_sends_the_saved_template_to_themselves_and_to_nobody_else()
    {
        await EditTemplateAsync(DefaultTemplates.ResetPassword, "Recupero della password su {{ tenant.name }}", "<p>Ciao {{ user.name }}, il collegamento vale {{ expires_minutes }} minuti.</p>");
        var admin = await AdminAsync();
        var page = "/demo/admin/mail/template?key=account.reset-password&language=it";
        var before = Mailbox.Pickup(App, "demo", SignIn.DemoAdmin).Count;
        var sent = await SignIn.PostFormAsync(admin, page, "/demo/admin/mail/template?handler=Test", new()
        {
            // A typed address or text changes nothing: the saved template goes to the operator's own address.
            ["Key"] = "account.reset-password", ["Language"] = "it", ["Subject"] = "Altro", ["Body"] = "<p>altro</p>", ["To"] = "estraneo@example.it",
        });
        Assert.Contains($"Prova inviata a {SignIn.DemoAdmin}", await TextAsync(sent));
        var message = (await Mailbox.WaitForPickupAsync(App, "demo", SignIn.DemoAdmin, before + 1))[^1];
        Assert.Equal("Recupero della password su Fiducia Digitale Demo", message.Subject);
        Assert.Contains("60 minuti", message.HtmlBody);
        Assert.Empty(Mailbox.Pickup(App, "demo", "estraneo@example.it"));

        // A customer has no template page to send from.
        var customer = App.ClientFor();
        await SignIn.AsAsync(customer, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.Contains("/account/access-denied", (await customer.GetAsync(page)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_template_that_fails_when_sent_falls_back_to_the_default_and_the_operator_sees_why()
    {
        await EditTemplateAsync(DefaultTemplates.ResetPassword, "Nuova password", "<p>{% include 'altro' %}</p>");
        var client = App.ClientFor();
        var before = Mailbox.Pickup(App, "demo", SignIn.DemoCustomer).Count;
        var answer = await SignIn.PostFormAsync(client, "/demo/account/forgot-password", "/demo/account/forgot-password", new() { ["Email"] = SignIn.DemoCustomer });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var message = (await Mailbox.WaitForPickupAsync(App, "demo", SignIn.DemoCustomer, before + 1)).Last();
        Assert.Equal("Reimposta la password di Fiducia Digitale Demo", message.Subject);
        var admin = await AdminAsync();
        Assert.Contains("Non riuscito il", WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/mail")));
        var template = WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/mail/template?key=account.reset-password&language=it"));
        Assert.Contains("questo modello non si è potuto comporre", template);
        Assert.Contains("«include» e «render»", template);
    }

    [Fact]
    public async Task Subjects_are_plain_text_never_html_encoded()
    {
        await App.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "branding", "displayName": "Prova <b>Servizi</b> & C." } ] }""", "demo");
        try
        {
            var admin = await AdminAsync();
            var invited = await SignIn.PostFormAsync(admin, "/demo/admin/users", "/demo/admin/users?handler=Invite", new()
            {
                ["InviteName"] = "Lia Bruno", ["InviteEmail"] = "lia.bruno@example.it", ["InviteRole"] = "Customer",
            });
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
            var message = Assert.Single(Mailbox.Pickup(App, "demo", "lia.bruno@example.it"));
            Assert.Equal("Il tuo accesso a Prova <b>Servizi</b> & C.", message.Subject);
            Assert.Contains("Prova &lt;b&gt;Servizi&lt;/b&gt; &amp; C.", message.HtmlBody);
        }
        finally
        {
            await App.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "branding", "displayName": "Fiducia Digitale Demo" } ] }""", "demo");
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("10.1.2.3")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    public async Task A_tenant_cannot_point_its_smtp_server_at_an_internal_address(string host)
    {
        var admin = await AdminAsync();
        var response = await SignIn.PostFormAsync(admin, "/demo/admin/mail", "/demo/admin/mail", new()
        {
            ["SenderName"] = "Fiducia", ["SenderAddress"] = "noreply@fiducia-demo.example", ["SmtpHost"] = host, ["SmtpPort"] = "2525", ["SmtpSecurity"] = "None",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rete interna", await TextAsync(response));
        Assert.Null(App.Registry.Find("demo")!.ModuleSettings<MailSettings>("mail").Smtp);
    }

    [Fact]
    public async Task Even_set_by_a_recipe_an_internal_smtp_server_is_never_contacted()
    {
        var smtp = Environment.GetEnvironmentVariable("SPORTELLO_TEST_SMTP") ?? "127.0.0.1:25";
        await App.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "tenant", "name": "interno", "prefix": "interno" }, { "step": "modules", "enable": ["identity"] } ] }""");
        await App.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "settings", "modules": { "mail": { "smtp": { "host": "{{smtp.Split(':')[0]}}", "port": {{smtp.Split(':')[1]}}, "security": "none" } } } },
              { "step": "users", "users": [ { "email": "qualcuno@example.it", "password": "Password-Lunga-1" } ] } ] }
            """, "interno");
        var client = App.ClientFor();
        await SignIn.PostFormAsync(client, "/interno/account/forgot-password", "/interno/account/forgot-password", new() { ["Email"] = "qualcuno@example.it" });

        for (var i = 0; i < 50; i++)
        {
            var error = await App.InTenantAsync("interno", sp => sp.GetRequiredService<Sportello.Core.Storage.KernelDbContext>().Outbox
                .Where(m => m.LastError != null).Select(m => m.LastError).FirstOrDefaultAsync());
            if (error is not null)
            {
                Assert.Contains("rete interna", error);
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The reset mail was neither refused nor reported.");
    }

    [Fact]
    public async Task When_the_mail_server_fails_the_page_says_why_and_keeps_what_was_done()
    {
        // A host that was public when saved and now resolves inside (or a server that went away): sending fails.
        var tenants = App.Services.GetRequiredService<TenantService>();
        var original = App.Registry.Find("demo")!.ModuleSettings<MailSettings>("mail");
        await tenants.UpdateAsync("demo", s => s.WithModuleSettings("mail", original with { Smtp = new SmtpSettings { Host = "127.0.0.1", Port = 1, Security = SmtpSecurity.None } }));
        try
        {
            var admin = await AdminAsync();
            var invited = await SignIn.PostFormAsync(admin, "/demo/admin/users", "/demo/admin/users?handler=Invite", new()
            {
                ["InviteName"] = "Ugo Serra", ["InviteEmail"] = "ugo.serra@example.it", ["InviteRole"] = "Customer",
            });
            Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
            var text = await TextAsync(invited);
            Assert.Contains("ugo.serra@example.it è stato aggiunto, ma l'invito non è partito. Il server di posta 127.0.0.1:1 non esiste o non è raggiungibile da Internet.", text);
            var id = await App.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Identity.Data.IdentityStoreDbContext>().Users
                .Where(u => u.Email == "ugo.serra@example.it").Select(u => u.Id).SingleAsync());

            var details = $"/demo/admin/users/{id}";
            var resent = await SignIn.PostFormAsync(admin, details, $"{details}?handler=ResendInvitation", new());
            Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
            Assert.Contains("L'invito non è partito. Il server di posta 127.0.0.1:1", await TextAsync(resent));

            var english = await SignIn.PostFormAsync(admin, details + "?culture=en-GB", $"{details}?handler=ResendInvitation&culture=en-GB", new());
            Assert.Contains("The invitation did not go out. The mail server 127.0.0.1:1 does not exist", await TextAsync(english));

            var customer = App.ClientFor();
            await SignIn.AsAsync(customer, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
            var profile = await SignIn.PostFormAsync(customer, "/demo/account", "/demo/account", new()
            {
                ["DisplayName"] = "Marco Esposito", ["NewEmail"] = "nuovo.indirizzo@example.it", ["Culture"] = "",
            });
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            Assert.Contains("il messaggio per confermare il nuovo indirizzo non è partito", await TextAsync(profile));
        }
        finally
        {
            await tenants.UpdateAsync("demo", s => s.WithModuleSettings("mail", original));
        }
    }

    [Fact]
    public async Task A_sender_address_is_used_only_once_its_mailbox_confirmed_it()
    {
        var admin = await AdminAsync();
        var refused = await SignIn.PostFormAsync(admin, "/demo/admin/mail", "/demo/admin/mail", new() { ["SenderAddress"] = "admin@sportello.example", ["SmtpPort"] = "587" });
        Assert.Contains("è della piattaforma", await TextAsync(refused));

        var saved = await SignIn.PostFormAsync(admin, "/demo/admin/mail", "/demo/admin/mail", new() { ["SenderName"] = "Fiducia", ["SenderAddress"] = "posta@nuovo-dominio.example", ["SmtpPort"] = "587" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var verification = Assert.Single(Mailbox.Pickup(App, "demo", "posta@nuovo-dominio.example"));
        Assert.NotEqual("posta@nuovo-dominio.example", verification.From.Mailboxes.Single().Address);
        Assert.Contains("In attesa di conferma", WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin/mail")));

        // Until then the platform sends on the tenant's behalf, and answers go to the tenant.
        var before = Mailbox.Pickup(App, "demo", SignIn.DemoCustomer).Count;
        await SignIn.PostFormAsync(App.ClientFor(), "/demo/account/forgot-password", "/demo/account/forgot-password", new() { ["Email"] = SignIn.DemoCustomer });
        var pending = (await Mailbox.WaitForPickupAsync(App, "demo", SignIn.DemoCustomer, before + 1)).Last();
        Assert.Equal("no-reply@sportello.example", pending.From.Mailboxes.Single().Address);
        Assert.Equal("Fiducia", pending.From.Mailboxes.Single().Name);
        Assert.Equal("posta@nuovo-dominio.example", pending.ReplyTo.Mailboxes.Single().Address);

        // A scanner that follows the link confirms nothing; the button does.
        var link = new Uri(Mailbox.FirstLink(verification)).PathAndQuery;
        var visitor = App.ClientFor();
        var page = await visitor.GetStringAsync(link);
        Assert.Contains("Confermi che posta@nuovo-dominio.example", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("nuovo-dominio.example", App.Registry.Find("demo")!.ModuleSettings<MailSettings>("mail").VerifiedDomains);
        var confirmed = await visitor.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) }));
        Assert.Contains("da ora le e-mail dello sportello partono da posta@nuovo-dominio.example", await TextAsync(confirmed));

        await SignIn.PostFormAsync(App.ClientFor(), "/demo/account/forgot-password", "/demo/account/forgot-password", new() { ["Email"] = SignIn.DemoCustomer });
        var verified = (await Mailbox.WaitForPickupAsync(App, "demo", SignIn.DemoCustomer, before + 2)).Last();
        Assert.Equal("posta@nuovo-dominio.example", verified.From.Mailboxes.Single().Address);

        var tampered = await visitor.GetStringAsync(link.Replace("token=", "token=x", StringComparison.Ordinal));
        Assert.Contains("Il collegamento è scaduto", WebUtility.HtmlDecode(tampered));
    }
}

public sealed class MailSafetyTestsOnSqlite(AppFixture fixture) : MailSafetyTests(fixture), IClassFixture<AppFixture>;

public sealed class MailSafetyTestsOnPostgres(MailSafetyTestsOnPostgres.Fixture fixture) : MailSafetyTests(fixture), IClassFixture<MailSafetyTestsOnPostgres.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        protected override StoreKind Kind => StoreKind.Postgres;
    }
}
