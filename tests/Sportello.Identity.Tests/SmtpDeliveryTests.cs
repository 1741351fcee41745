using System.Net;

namespace Sportello.Identity.Tests;

/// <summary>Mail through a real SMTP server (aiosmtpd, started by scripts/test.sh), read back from its Maildir.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private static readonly string Smtp = Environment.GetEnvironmentVariable("SPORTELLO_TEST_SMTP")
        ?? throw new InvalidOperationException("SPORTELLO_TEST_SMTP is not set: run the tests through scripts/test.sh.");

    private static readonly string Maildir = Environment.GetEnvironmentVariable("SPORTELLO_TEST_MAILDIR")!;

    private SportelloApp _app = null!;

    public async Task InitializeAsync() => _app = await SportelloApp.StartAsync(StoreKind.Sqlite, settings: new Dictionary<string, string?>
    {
        ["Sportello:Mail:SmtpHost"] = Smtp.Split(':')[0],
        ["Sportello:Mail:SmtpPort"] = Smtp.Split(':')[1],
        ["Sportello:Mail:SmtpSecurity"] = "None",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_password_reset_mail_is_delivered_over_smtp_with_the_tenants_sender()
    {
        var before = Mailbox.Count(Path.Combine(Maildir, "new"), SignIn.DemoAdmin);
        var client = _app.ClientFor();
        var page = await client.GetStringAsync("/demo/account/forgot-password");
        await client.PostAsync("/demo/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = SignIn.DemoAdmin,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));

        var message = await Mailbox.WaitForAsync(Path.Combine(Maildir, "new"), SignIn.DemoAdmin, before);
        Assert.Equal("noreply@fiducia-demo.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("Fiducia Digitale Demo", message.From.Mailboxes.Single().Name);
        Assert.Contains("Reimposta la password", message.Subject);
        var link = Mailbox.FirstLink(message);
        Assert.Contains("Scegli una nuova password", WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(link).PathAndQuery)));
        Assert.Empty(Mailbox.Pickup(_app, "demo", SignIn.DemoAdmin));
    }
}
