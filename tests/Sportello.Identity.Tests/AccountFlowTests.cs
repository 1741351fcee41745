using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sportello.Mail.Data;
using Sportello.Mail.Domain;

namespace Sportello.Identity.Tests;

public abstract class AccountFlowTests(StoreKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SportelloApp _app = null!;

    public async Task InitializeAsync() => _app = await SportelloApp.StartAsync(kind, time: _time);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page);
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<string> RequestResetLinkAsync(string email, int nth = 1)
    {
        var response = await PostFormAsync(_app.ClientFor(), "/demo/account/forgot-password", new() { ["Email"] = email });
        Assert.Contains("Se l'indirizzo è registrato", await TextAsync(response));
        var message = (await Mailbox.WaitForPickupAsync(_app, "demo", email, nth)).Last();
        Assert.Contains("Reimposta la password di Fiducia Digitale Demo", message.Subject);
        return Mailbox.FirstLink(message);
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task A_reset_link_sets_a_new_password_and_works_only_once()
    {
        var link = await RequestResetLinkAsync(SignIn.DemoCustomer);
        Assert.StartsWith("http://localhost:5000/demo/account/reset-password?userId=", link);
        var client = _app.ClientFor();

        var form = await client.GetStringAsync(PathOf(link));
        var done = await client.PostAsync(PathOf(link), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = "Nuova-Password-42",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
        }));
        Assert.Contains("Password aggiornata", await TextAsync(done));
        await SignIn.AsAsync(_app.ClientFor(), "/demo", SignIn.DemoCustomer, "Nuova-Password-42");

        var again = await TextAsync(await client.GetAsync(PathOf(link)));
        Assert.Contains("Collegamento non più valido", again);
        Assert.Contains("Inviami un nuovo collegamento", again);
    }

    [Fact]
    public async Task A_reset_link_expires_after_one_hour_and_a_new_one_can_be_sent()
    {
        var link = await RequestResetLinkAsync(SignIn.DemoCustomer);
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Contains("Scegli una nuova password", await TextAsync(await _app.ClientFor().GetAsync(PathOf(link))));

        _time.Advance(TimeSpan.FromMinutes(2));
        var client = _app.ClientFor();
        var expired = await client.GetAsync(PathOf(link));
        var html = await expired.Content.ReadAsStringAsync();
        Assert.Contains("Collegamento non più valido", WebUtility.HtmlDecode(html));

        var resend = await client.PostAsync(PathOf(link) + "&handler=Resend", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = new Uri(link).Query.Split('&')[0].Split('=')[1],
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html),
        }));
        Assert.Contains("Collegamento inviato", await TextAsync(resend));
        Assert.Equal(2, (await Mailbox.WaitForPickupAsync(_app, "demo", SignIn.DemoCustomer, 2)).Count);
        Assert.Contains("Scegli una nuova password", await TextAsync(await client.GetAsync(PathOf(Mailbox.FirstLink(Mailbox.Pickup(_app, "demo", SignIn.DemoCustomer).Last())))));
    }

    [Fact]
    public async Task A_tampered_reset_link_is_refused()
    {
        var link = await RequestResetLinkAsync(SignIn.DemoCustomer);
        var tampered = PathOf(link).Replace("code=", "code=x", StringComparison.Ordinal);
        Assert.Contains("Collegamento non più valido", await TextAsync(await _app.ClientFor().GetAsync(tampered)));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var response = await PostFormAsync(_app.ClientFor(), "/demo/account/forgot-password", new() { ["Email"] = "nessuno@example.it" });
        Assert.Contains("Se l'indirizzo è registrato", await TextAsync(response));
        await _app.OutboxDrainedAsync("demo");
        Assert.Empty(Mailbox.Pickup(_app, "demo", "nessuno@example.it"));
    }

    [Fact]
    public async Task Sign_up_needs_the_e_mail_confirmed_before_signing_in()
    {
        var client = _app.ClientFor();
        var done = await PostFormAsync(client, "/demo/account/register", new()
        {
            ["DisplayName"] = "Anna Conti",
            ["Email"] = "anna@example.it",
            ["Password"] = "Password-Sicura-7",
        });
        Assert.Contains("Controlla la tua posta", await TextAsync(done));

        var early = await SignIn.PostLoginAsync(_app.ClientFor(), "/demo", "anna@example.it", "Password-Sicura-7");
        Assert.Contains("conferma il tuo indirizzo", await TextAsync(early));
        var wrong = await SignIn.PostLoginAsync(_app.ClientFor(), "/demo", "anna@example.it", "Password-Errata-7");
        Assert.Contains("E-mail o password non corretti.", await TextAsync(wrong));

        var message = Assert.Single(await Mailbox.WaitForPickupAsync(_app, "demo", "anna@example.it"));
        Assert.Contains("Ciao Anna Conti", message.HtmlBody);
        Assert.Contains("Anna Conti", message.TextBody);
        Assert.Contains("Indirizzo confermato", await TextAsync(await client.GetAsync(PathOf(Mailbox.FirstLink(message)))));
        await SignIn.AsAsync(_app.ClientFor(), "/demo", "anna@example.it", "Password-Sicura-7");
    }

    [Fact]
    public async Task Signing_up_with_a_taken_address_reveals_nothing_creates_nothing_and_tells_the_owner()
    {
        var done = await PostFormAsync(_app.ClientFor(), "/demo/account/register", new()
        {
            ["DisplayName"] = "Qualcuno",
            ["Email"] = SignIn.DemoCustomer,
            ["Password"] = "Password-Sicura-7",
        });
        Assert.Contains("Controlla la tua posta", await TextAsync(done));
        var told = Assert.Single(await Mailbox.WaitForPickupAsync(_app, "demo", SignIn.DemoCustomer));
        Assert.Equal("Hai già un accesso a Fiducia Digitale Demo", told.Subject);
        Assert.EndsWith("/demo/account/login", Mailbox.FirstLink(told));
        await SignIn.AsAsync(_app.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
    }

    [Fact]
    public async Task Sign_up_reports_each_problem()
    {
        var response = await PostFormAsync(_app.ClientFor(), "/demo/account/register", new()
        {
            ["DisplayName"] = "",
            ["Email"] = "non-una-mail",
            ["Password"] = "corta",
        });
        var html = await TextAsync(response);
        Assert.Contains("Scrivi nome e cognome", html);
        Assert.Contains("Scrivi un indirizzo e-mail valido", html);
        Assert.Contains("almeno 10 caratteri", html);
    }

    [Fact]
    public async Task Sign_up_is_closed_where_the_tenant_does_not_allow_it() =>
        Assert.Equal(HttpStatusCode.NotFound, (await _app.ClientFor().GetAsync("/account/register")).StatusCode);

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var client = _app.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);

        var wrong = await PostFormAsync(client, "/demo/account/password", new() { ["Current"] = "non-e-lei-1A", ["Password"] = "Altra-Password-9" });
        Assert.Contains("La password attuale non è corretta.", await TextAsync(wrong));

        var ok = await PostFormAsync(client, "/demo/account/password", new() { ["Current"] = SignIn.DemoCustomerPassword, ["Password"] = "Altra-Password-9" });
        Assert.Contains("La password è stata cambiata.", await TextAsync(ok));
        await SignIn.AsAsync(_app.ClientFor(), "/demo", SignIn.DemoCustomer, "Altra-Password-9");
    }

    [Fact]
    public async Task Security_actions_are_audited()
    {
        await SignIn.PostLoginAsync(_app.ClientFor(), "/demo", SignIn.DemoCustomer, "sbagliata-1A");
        await SignIn.AsAsync(_app.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        await RequestResetLinkAsync(SignIn.DemoCustomer);

        var actions = await _app.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Identity.Data.IdentityStoreDbContext>()
            .Set<Sportello.Core.Audit.AuditEntry>().Where(a => a.SubjectName == SignIn.DemoCustomer).Select(a => a.Action).ToListAsync());
        // Without an ORDER BY a store returns rows in any order (PostgreSQL did, once): which actions, not their order.
        Assert.Equal(new[] { "identity.sign-in-failed", "identity.signed-in", "identity.password-reset-requested" }.Order(), actions.Order());
    }

    [Fact]
    public async Task A_broken_edited_template_falls_back_to_the_default_and_a_good_one_is_used()
    {
        await _app.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<MailDbContext>();
            db.Templates.Add(new MailTemplate { Key = DefaultTemplates.ResetPassword, Language = "it", Subject = "Rotto {% if %}", Body = "x", UpdatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await RequestResetLinkAsync(SignIn.DemoCustomer); // asserts the default subject

        await _app.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<MailDbContext>();
            var template = await db.Templates.SingleAsync();
            template.Subject = "Nuova password per {{ user.name }}";
            template.Body = "<p><a href=\"{{ link }}\">Vai</a></p>";
            return await db.SaveChangesAsync();
        });
        await PostFormAsync(_app.ClientFor(), "/demo/account/forgot-password", new() { ["Email"] = SignIn.DemoCustomer });
        Assert.Equal("Nuova password per Marco Esposito", (await Mailbox.WaitForPickupAsync(_app, "demo", SignIn.DemoCustomer, 2)).Last().Subject);
    }
}

public sealed class AccountFlowTestsOnSqlite() : AccountFlowTests(StoreKind.Sqlite);

public sealed class AccountFlowTestsOnPostgres() : AccountFlowTests(StoreKind.Postgres);
