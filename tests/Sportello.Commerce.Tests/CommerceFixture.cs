using Microsoft.Extensions.Time.Testing;

namespace Sportello.Commerce.Tests;

/// <summary>
/// One host per class, mail through the real SMTP server (aiosmtpd from scripts/test.sh) and an application clock the
/// expiry test moves forward.
/// </summary>
public class CommerceFixture : IAsyncLifetime
{
    public static readonly string Smtp = Environment.GetEnvironmentVariable("SPORTELLO_TEST_SMTP")
        ?? throw new InvalidOperationException("SPORTELLO_TEST_SMTP is not set: run the tests through scripts/test.sh.");

    public static string Maildir => Path.Combine(Environment.GetEnvironmentVariable("SPORTELLO_TEST_MAILDIR")!, "new");

    protected virtual StoreKind Kind => StoreKind.Sqlite;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public SportelloApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SportelloApp.StartAsync(Kind, time: Time, settings: new Dictionary<string, string?>
    {
        ["Sportello:Mail:SmtpHost"] = Smtp.Split(':')[0],
        ["Sportello:Mail:SmtpPort"] = Smtp.Split(':')[1],
        ["Sportello:Mail:SmtpSecurity"] = "None",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class PostgresCommerceFixture : CommerceFixture
{
    protected override StoreKind Kind => StoreKind.Postgres;
}
