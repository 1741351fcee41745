using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sportello.Core.Audit;
using Sportello.Core.Files;
using Sportello.Identity.Data;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Tests;

/// <summary>
/// Identity checks end to end: the link, the texted code (through a loopback gateway), the three photos, the
/// operator's decision and what it does, the 72-hour retention on the app's clock, and every refusal.
/// </summary>
public abstract partial class IdentityCheckTests(IdentityCheckFixture fixture)
{
    private const string Queue = "/demo/admin/identity-checks";
    private const string Mobile = "+393471234567";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private SportelloApp App => fixture.App;

    /// <summary>A fresh customer with an organization of their own, two-factor sign-in on when asked.</summary>
    private async Task<(string Email, string UserId, Guid OrganizationId)> CustomerAsync(bool twoFactor = false)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"verificato-{suffix}@example.it";
        await App.RunRecipeAsync($$"""
            { "name": "t", "steps": [
              { "step": "users", "users": [ { "email": "{{email}}", "displayName": "Verificato {{suffix}}", "password": "Verificato-Demo-2026", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "Verificato {{suffix}}", "kind": "Person", "codiceFiscale": "SPSMRC80C15F839R" },
                "members": [ { "email": "{{email}}", "role": "LegalRepresentative" } ] } ] } ] }
            """, "demo");
        var userId = await App.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SportelloUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            if (twoFactor)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
            }

            return user.Id;
        });
        var organizationId = await App.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().Members.Where(m => m.UserId == userId).Select(m => m.OrganizationId).SingleAsync());
        return (email, userId, organizationId);
    }

    private async Task<HttpClient> OperatorAsync()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        return client;
    }

    /// <summary>An operator opens a check for <paramref name="email"/> from the queue; returns the link the user received.</summary>
    private async Task<string> OpenAsync(HttpClient operatorClient, string email, string purpose = "Verification")
    {
        var before = Mailbox.Pickup(App, "demo", email).Count;
        var opened = await SignIn.PostFormAsync(operatorClient, Queue, $"{Queue}?handler=Open", new()
        {
            ["Email"] = email, ["Purpose"] = purpose, ["Note"] = "Cambio del numero di cellulare chiesto al telefono.",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return new Uri(Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(App, "demo", email, before + 1))[^1])).PathAndQuery;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string link, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(link);
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html);
        fields["Token"] = Regex.Match(link, "token=([^&]+)").Groups[1].Value;
        return await client.PostAsync($"/demo/area/identity-check?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private async Task ConfirmPhoneAsync(HttpClient user, string link)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(user, link, "SendCode", new() { ["Phone"] = "347 123 4567" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(user, link, "Confirm", new() { ["Code"] = fixture.Gateway.LastCodeTo(Mobile) })).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient user, string link, byte[]? front = null)
    {
        var html = await user.GetStringAsync(link);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(SignIn.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(Regex.Match(link, "token=([^&]+)").Groups[1].Value), "Token" },
        };
        foreach (var (field, bytes) in new[] { ("Front", front ?? Png), ("Back", Png), ("Selfie", Png) })
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(content, field, $"{field.ToLowerInvariant()}.png");
        }

        return await user.PostAsync("/demo/area/identity-check?handler=Submit", form);
    }

    private Task<IdentityCheck> CheckOfAsync(string userId) =>
        App.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().IdentityChecks.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.OpenedUtc).FirstAsync());

    private Task<int> PhotosOfAsync(Guid checkId) =>
        App.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Core.Storage.KernelDbContext>().Set<TenantFile>().CountAsync(f => f.SubjectId == checkId.ToString()));

    /// <summary>Posts a decision; an approval carries when the photos it looked at arrived (by default the latest).</summary>
    private async Task<HttpResponseMessage> DecideAsync(HttpClient operatorClient, Guid checkId, string handler, string? reason = null, DateTime? seen = null)
    {
        var page = $"{Queue}/{checkId}";
        var fields = reason is null ? new Dictionary<string, string>() : new() { ["Reason"] = reason };
        if (handler == "Approve")
        {
            var check = await App.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().IdentityChecks.AsNoTracking().SingleAsync(c => c.Id == checkId));
            fields["Submitted"] = (seen ?? check.SubmittedUtc ?? DateTime.MinValue).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await SignIn.PostFormAsync(operatorClient, page, $"{page}?handler={handler}", fields);
    }

    [Fact]
    public async Task A_user_confirms_the_mobile_sends_the_photos_and_an_approval_turns_two_factor_off_and_deletes_them()
    {
        var (email, userId, organizationId) = await CustomerAsync(twoFactor: true);
        var operatorClient = await OperatorAsync();
        var link = await OpenAsync(operatorClient, email, "DisableTwoFactor");
        Assert.StartsWith("/demo/area/identity-check?token=", link);

        var user = App.ClientFor(); // not signed in: whoever lost a second factor cannot be
        var page = WebUtility.HtmlDecode(await user.GetStringAsync(link));
        Assert.Contains("72 ore", page);
        Assert.Contains("<svg", page); // the QR code to go on from a phone

        await ConfirmPhoneAsync(user, link);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(user, link)).StatusCode);
        var check = await CheckOfAsync(userId);
        Assert.Equal(IdentityCheckStatus.Submitted, check.Status);
        Assert.Equal(Mobile, check.Phone);
        Assert.Equal(3, await PhotosOfAsync(check.Id));
        Assert.Contains("Abbiamo ricevuto i documenti", WebUtility.HtmlDecode(await user.GetStringAsync(link)));

        // The operator sees the photos through the files API, and approves.
        var details = await operatorClient.GetStringAsync($"{Queue}/{check.Id}");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/demo/api/files/{check.FrontFileId}")).StatusCode);
        Assert.Contains("handler=Approve", details);
        var before = Mailbox.Pickup(App, "demo", email).Count;
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(operatorClient, check.Id, "Approve")).StatusCode);
        await App.OutboxDrainedAsync("demo");

        Assert.Equal(IdentityCheckStatus.Approved, (await CheckOfAsync(userId)).Status);
        Assert.Equal(0, await PhotosOfAsync(check.Id));
        var recovered = await App.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SportelloUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            return (user.TwoFactorEnabled, await users.HasPasswordAsync(user));
        });
        Assert.Equal((false, false), recovered); // whoever knew the old password gains nothing: a new one is chosen by e-mail
        var mails = await Mailbox.WaitForPickupAsync(App, "demo", email, before + 2);
        Assert.Contains(mails.Skip(before), m => m.Subject!.Contains("Identità verificata", StringComparison.Ordinal));

        // Each step is in the organization's activity log, where its legal representative reads it.
        var actions = await App.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Core.Storage.KernelDbContext>().Set<AuditEntry>()
            .Where(e => e.OrganizationId == organizationId.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Contains(OrganizationAuditActions.IdentityCheckOpened, actions);
        Assert.Contains(OrganizationAuditActions.IdentityCheckPhoneConfirmed, actions);
        Assert.Contains("organizations.identity-check.submit", actions);
        Assert.Contains("organizations.identity-check.approve", actions);
        Assert.Contains("Tempo medio di gestione", WebUtility.HtmlDecode(await operatorClient.GetStringAsync(Queue)));
    }

    [Fact]
    public async Task The_link_is_refused_after_the_decision()
    {
        var (email, userId, _) = await CustomerAsync();
        var operatorClient = await OperatorAsync();
        var link = await OpenAsync(operatorClient, email);
        var user = App.ClientFor();
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(link)).StatusCode);
        var check = await CheckOfAsync(userId);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(operatorClient, check.Id, "Reject", "Il documento risulta scaduto.")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync(link)).StatusCode);
        var html = await (await App.ClientFor().GetAsync("/demo/area/identity-check")).Content.ReadAsStringAsync();
        Assert.Contains("Questo collegamento non apre nessuna verifica", WebUtility.HtmlDecode(html));

        // Nor does a post with the decided check's token reach it.
        var token = Regex.Match(link, "token=([^&]+)").Groups[1].Value;
        var posted = await user.PostAsync("/demo/area/identity-check?handler=SendCode", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["Phone"] = Mobile, ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(await user.GetStringAsync("/demo/account/login")),
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);

        // A second decision is refused, not applied.
        var second = await SignIn.PostFormAsync(operatorClient, Queue, $"{Queue}/{check.Id}?handler=Reject", new() { ["Reason"] = "Di nuovo." });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("La verifica è già stata decisa.", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        Assert.Equal("Il documento risulta scaduto.", (await CheckOfAsync(userId)).Reason);
    }

    [Fact]
    public async Task Photos_nobody_reviewed_are_deleted_72_hours_after_the_upload_and_cannot_be_approved()
    {
        var (email, userId, _) = await CustomerAsync();
        var operatorClient = await OperatorAsync();
        var link = await OpenAsync(operatorClient, email);
        var user = App.ClientFor();
        await ConfirmPhoneAsync(user, link);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(user, link)).StatusCode);
        var check = await CheckOfAsync(userId);

        fixture.Time.Advance(TimeSpan.FromHours(IdentityCheck.RetentionHours) - TimeSpan.FromMinutes(1));
        await App.InTenantAsync("demo", sp => sp.GetRequiredService<ITenantFiles>().PurgeExpiredAsync());
        Assert.Equal(3, await PhotosOfAsync(check.Id));

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await App.InTenantAsync("demo", sp => sp.GetRequiredService<ITenantFiles>().PurgeExpiredAsync());
        Assert.Equal(0, await PhotosOfAsync(check.Id));

        operatorClient = await OperatorAsync(); // the clock moved past the session's eight hours
        var details = WebUtility.HtmlDecode(await operatorClient.GetStringAsync($"{Queue}/{check.Id}"));
        Assert.Contains("Cancellata dopo 72 ore", details);
        Assert.DoesNotContain("handler=Approve", details);
        var refused = WebUtility.HtmlDecode(await (await DecideAsync(operatorClient, check.Id, "Approve")).Content.ReadAsStringAsync());
        Assert.Contains("Le foto sono state cancellate dopo 72 ore", refused);
        Assert.Equal(IdentityCheckStatus.Submitted, (await CheckOfAsync(userId)).Status);

        // Asked again, the same link takes new photos.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(operatorClient, check.Id, "AskAgain", "Le foto non sono arrivate in tempo.")).StatusCode);
        Assert.Contains("Servono foto nuove", WebUtility.HtmlDecode(await user.GetStringAsync(link)));
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(user, link)).StatusCode);
        Assert.Equal(3, await PhotosOfAsync(check.Id));

        // A page opened before the new photos arrived does not approve them unseen.
        var stale = WebUtility.HtmlDecode(await (await DecideAsync(operatorClient, check.Id, "Approve", seen: check.SubmittedUtc)).Content.ReadAsStringAsync());
        Assert.Contains("Sono arrivate foto nuove", stale);
        Assert.Equal(IdentityCheckStatus.Submitted, (await CheckOfAsync(userId)).Status);
    }

    [Fact]
    public async Task Staff_sign_in_is_not_recovered_by_an_identity_check()
    {
        var operatorClient = await OperatorAsync();
        var refused = await SignIn.PostFormAsync(operatorClient, Queue, $"{Queue}?handler=Open", new()
        {
            ["Email"] = SignIn.DemoAdmin, ["Purpose"] = "DisableTwoFactor", ["Note"] = "Dice di aver perso il telefono.",
        });
        Assert.Contains("fa parte del personale", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var heldOrder = await SignIn.PostFormAsync(operatorClient, Queue, $"{Queue}?handler=Open", new()
        {
            ["Email"] = SignIn.DemoCustomer, ["Purpose"] = "HeldOrder", ["Note"] = "Ordine sospetto.",
        });
        Assert.Contains("le apre il modulo che ha trattenuto l'ordine", WebUtility.HtmlDecode(await heldOrder.Content.ReadAsStringAsync()));
        var adminId = await App.InTenantAsync("demo", async sp => (await sp.GetRequiredService<UserManager<SportelloUser>>().FindByEmailAsync(SignIn.DemoAdmin))!.Id);
        Assert.False(await App.InTenantAsync("demo", sp => sp.GetRequiredService<OrganizationsDbContext>().IdentityChecks.AnyAsync(c => c.UserId == adminId)));
    }

    [Fact]
    public async Task Codes_need_a_mobile_expire_after_ten_minutes_and_allow_five_tries()
    {
        var (email, userId, _) = await CustomerAsync();
        var link = await OpenAsync(await OperatorAsync(), email);
        var user = App.ClientFor();

        var landline = WebUtility.HtmlDecode(await (await PostAsync(user, link, "SendCode", new() { ["Phone"] = "02 1234 5678" })).Content.ReadAsStringAsync());
        Assert.Contains("Serve un numero di cellulare", landline);

        fixture.Gateway.Failing = true;
        try
        {
            var down = WebUtility.HtmlDecode(await (await PostAsync(user, link, "SendCode", new() { ["Phone"] = Mobile })).Content.ReadAsStringAsync());
            Assert.Contains("L'SMS non è partito", down);
        }
        finally
        {
            fixture.Gateway.Failing = false;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(user, link, "SendCode", new() { ["Phone"] = Mobile })).StatusCode);
        var again = WebUtility.HtmlDecode(await (await PostAsync(user, link, "SendCode", new() { ["Phone"] = Mobile })).Content.ReadAsStringAsync());
        Assert.Contains("aspetta un minuto", again);

        user = App.ClientFor(); // the same person on another device: the guarded limit counts each visitor
        var code = fixture.Gateway.LastCodeTo(Mobile);
        fixture.Time.Advance(TimeSpan.FromMinutes(IdentityCheck.CodeMinutes + 1));
        var expired = WebUtility.HtmlDecode(await (await PostAsync(user, link, "Confirm", new() { ["Code"] = code })).Content.ReadAsStringAsync());
        Assert.Contains("Il codice è scaduto", expired);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(user, link, "SendCode", new() { ["Phone"] = Mobile })).StatusCode);
        code = fixture.Gateway.LastCodeTo(Mobile);
        var wrong = code == "000000" ? "111111" : "000000";
        user = App.ClientFor();
        for (var i = 0; i < IdentityCheck.MaxCodeAttempts; i++)
        {
            var typo = WebUtility.HtmlDecode(await (await PostAsync(user, link, "Confirm", new() { ["Code"] = wrong })).Content.ReadAsStringAsync());
            Assert.True(typo.Contains("non corrisponde"), typo);
        }

        user = App.ClientFor();
        var exhausted = WebUtility.HtmlDecode(await (await PostAsync(user, link, "Confirm", new() { ["Code"] = code })).Content.ReadAsStringAsync());
        Assert.Contains("Troppi tentativi", exhausted);
        Assert.Null((await CheckOfAsync(userId)).PhoneConfirmedUtc);

        // Photos before the phone is confirmed: refused.
        Assert.NotEqual(HttpStatusCode.Redirect, (await UploadAsync(user, link)).StatusCode);

        // Five codes a check at most: a link is no way to send SMS at the tenant's cost.
        for (var sent = 3; sent < IdentityChecks.MaxCodes; sent++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(2));
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(App.ClientFor(), link, "SendCode", new() { ["Phone"] = Mobile })).StatusCode);
        }

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        var capped = WebUtility.HtmlDecode(await (await PostAsync(App.ClientFor(), link, "SendCode", new() { ["Phone"] = Mobile })).Content.ReadAsStringAsync());
        Assert.Contains("troppi codici", capped);
    }

    [Fact]
    public async Task A_refused_photo_leaves_none_of_the_three_stored()
    {
        var (email, userId, _) = await CustomerAsync();
        var link = await OpenAsync(await OperatorAsync(), email);
        var user = App.ClientFor();
        await ConfirmPhoneAsync(user, link);

        var response = await UploadAsync(user, link, front: "non sono una foto"u8.ToArray());
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", html);
        var check = await CheckOfAsync(userId);
        Assert.Equal(IdentityCheckStatus.Open, check.Status);
        Assert.Equal(0, await PhotosOfAsync(check.Id));
    }

    [Fact]
    public async Task Customers_neither_reach_the_queue_nor_the_photos()
    {
        var (email, userId, _) = await CustomerAsync();
        var operatorClient = await OperatorAsync();
        var link = await OpenAsync(operatorClient, email);
        var anonymous = App.ClientFor();
        await ConfirmPhoneAsync(anonymous, link);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(anonymous, link)).StatusCode);
        var check = await CheckOfAsync(userId);

        var customer = App.ClientFor();
        await SignIn.AsAsync(customer, "/demo", email, "Verificato-Demo-2026");
        Assert.Contains("/account/access-denied", (await customer.GetAsync(Queue)).Headers.Location!.OriginalString);
        Assert.Contains("/account/access-denied", (await customer.GetAsync($"{Queue}/{check.Id}")).Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.OK, (await customer.GetAsync($"/demo/api/files/{check.FrontFileId}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/demo/api/files/{check.FrontFileId}")).StatusCode);
        var post = await customer.PostAsync($"{Queue}/{check.Id}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(await customer.GetStringAsync("/demo/area/organization")),
        }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(IdentityCheckStatus.Submitted, (await CheckOfAsync(userId)).Status);
    }

    [Fact]
    public async Task Losing_the_second_factor_opens_a_check_by_itself()
    {
        var (email, userId, _) = await CustomerAsync(twoFactor: true);
        var user = App.ClientFor();
        var login = await SignIn.PostLoginAsync(user, "/demo", email, "Verificato-Demo-2026");
        Assert.StartsWith("/demo/account/login-2fa", login.Headers.Location!.OriginalString);
        var before = Mailbox.Pickup(App, "demo", email).Count;
        var lost = await SignIn.PostFormAsync(user, "/demo/account/login-2fa", "/demo/account/login-2fa?handler=Lost", []);
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        await App.OutboxDrainedAsync("demo");

        var check = await CheckOfAsync(userId);
        Assert.Equal(IdentityCheckPurpose.DisableTwoFactor, check.Purpose);
        var link = new Uri(Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(App, "demo", email, before + 1))[^1])).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await App.ClientFor().GetAsync(link)).StatusCode);
    }
}

/// <summary>One host per class with the app's clock in the test's hands and the SMS gateway on loopback.</summary>
public class IdentityCheckFixture : Xunit.IAsyncLifetime
{
    protected virtual StoreKind Kind => StoreKind.Sqlite;

    public SportelloApp App { get; private set; } = null!;
    public TextGateway Gateway { get; private set; } = null!;
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        Gateway = await TextGateway.StartAsync();
        App = await SportelloApp.StartAsync(Kind, time: Time, settings: Gateway.Settings);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

public sealed class PostgresIdentityCheckFixture : IdentityCheckFixture
{
    protected override StoreKind Kind => StoreKind.Postgres;
}

public sealed class IdentityCheckTestsOnSqlite(IdentityCheckFixture fixture) : IdentityCheckTests(fixture), IClassFixture<IdentityCheckFixture>;

public sealed class IdentityCheckTestsOnPostgres(PostgresIdentityCheckFixture fixture) : IdentityCheckTests(fixture), IClassFixture<PostgresIdentityCheckFixture>;
