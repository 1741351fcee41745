using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Sportello.Identity.Tests;

public abstract partial class TwoFactorTests(StoreKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 5, TimeSpan.Zero));
    private SportelloApp _app = null!;

    public async Task InitializeAsync() => _app = await SportelloApp.StartAsync(kind, time: _time);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex("<code id=\"authenticator-key\">([^<]+)</code>")]
    private static partial Regex KeyField();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    /// <summary>The code an authenticator app shows, <paramref name="steps"/> 30-second steps from now.</summary>
    private string Code(string key, int steps = 0) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp(_time.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    private static async Task<string> PostAsync(HttpClient client, string page, Dictionary<string, string> fields, string? handler = null)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html);
        var response = await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Enrols the demo customer; returns the key and the recovery codes.</summary>
    private async Task<(string Key, List<string> Codes)> EnrolAsync()
    {
        var client = _app.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = await client.GetStringAsync("/demo/account/two-factor/enable");
        Assert.Contains("<svg", page);
        var key = KeyField().Match(page).Groups[1].Value;
        var done = await PostAsync(client, "/demo/account/two-factor/enable", new() { ["Code"] = Code(key) });
        Assert.Contains("Verifica in due passaggi attiva", done);
        var codes = RecoveryCode().Matches(done).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains("codici-di-recupero.txt", done);
        return (key, codes);
    }

    private async Task<(HttpClient Client, HttpResponseMessage Response)> SecondStepAsync(string code)
    {
        var client = _app.ClientFor();
        var login = await SignIn.PostLoginAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var step = login.Headers.Location!.OriginalString;
        Assert.StartsWith("/demo/account/login-2fa", step);
        var page = await client.GetStringAsync(step);
        var response = await client.PostAsync(step, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        return (client, response);
    }

    [Fact]
    public async Task After_enrolment_signing_in_needs_a_code_and_each_code_works_once()
    {
        var (key, _) = await EnrolAsync();
        _time.Advance(TimeSpan.FromSeconds(30));

        var (client, ok) = await SecondStepAsync(Code(key));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/account")).StatusCode);

        var (_, replay) = await SecondStepAsync(Code(key));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("non è valido o è già stato usato", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task One_step_of_drift_is_accepted_two_are_not()
    {
        var (key, _) = await EnrolAsync();
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(Code(key, -2))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(Code(key, 2))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(Code(key, -1))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(Code(key, 1))).Response.StatusCode);
    }

    [Fact]
    public async Task The_same_code_posted_twice_at_once_enrols_once_and_never_fails_with_a_500()
    {
        var client = _app.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = await client.GetStringAsync("/demo/account/two-factor/enable");
        var key = KeyField().Match(page).Groups[1].Value;
        HttpRequestMessage Post() => new(HttpMethod.Post, "/demo/account/two-factor/enable")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = Code(key), ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) }),
        };

        var answers = await Task.WhenAll(client.SendAsync(Post()), client.SendAsync(Post()), client.SendAsync(Post()));
        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"answered {(int)a.StatusCode}"));
        var texts = await Task.WhenAll(answers.Select(async a => WebUtility.HtmlDecode(await a.Content.ReadAsStringAsync())));
        Assert.Single(texts, t => t.Contains("Verifica in due passaggi attiva", StringComparison.Ordinal));

        _time.Advance(TimeSpan.FromSeconds(30));
        var second = _app.ClientFor();
        var login = await SignIn.PostLoginAsync(second, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var step = login.Headers.Location!.OriginalString;
        var stepPage = await second.GetStringAsync(step);
        HttpRequestMessage Verify() => new(HttpMethod.Post, step)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = Code(key), ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(stepPage) }),
        };
        var signIns = await Task.WhenAll(second.SendAsync(Verify()), second.SendAsync(Verify()));
        Assert.All(signIns, a => Assert.True((int)a.StatusCode < 500, $"answered {(int)a.StatusCode}"));
        Assert.Single(signIns, a => a.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (_, codes) = await EnrolAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(codes[3])).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(codes[3])).Response.StatusCode);
    }

    [Fact]
    public async Task Turning_it_off_needs_a_valid_code()
    {
        var (key, codes) = await EnrolAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        var (client, _) = await SecondStepAsync(Code(key));

        var refused = await PostAsync(client, "/demo/account/two-factor", new() { ["Code"] = "000000" }, "Disable");
        Assert.Contains("serve un codice valido", refused);

        var off = await PostAsync(client, "/demo/account/two-factor", new() { ["Code"] = codes[0] }, "Disable");
        Assert.Contains("è stata disattivata", off);
        await SignIn.AsAsync(_app.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
    }

    [Fact]
    public async Task Recovery_codes_can_be_regenerated_with_a_code()
    {
        var (key, old) = await EnrolAsync();
        _time.Advance(TimeSpan.FromSeconds(30));
        var (client, _) = await SecondStepAsync(Code(key));
        _time.Advance(TimeSpan.FromSeconds(30));

        var page = await PostAsync(client, "/demo/account/two-factor", new() { ["Code"] = Code(key) }, "Regenerate");
        var fresh = RecoveryCode().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(old[0])).Response.StatusCode);
    }

    [Fact]
    public async Task A_tenant_can_require_administrators_to_enrol_before_any_page_and_they_continue_where_they_were()
    {
        await _app.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "settings", "modules": { "identity": { "allowSignUp": true, "requireTwoFactorForAdministrators": true } } } ] }
            """, "demo");
        var admin = _app.ClientFor();
        await SignIn.AsAsync(admin, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);

        var response = await admin.GetAsync("/demo/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/demo/account/two-factor/enable?required=true&returnUrl=%2Fdemo%2Fadmin%2Fusers", response.Headers.Location!.OriginalString);

        var page = await admin.GetStringAsync(response.Headers.Location!.OriginalString);
        var key = KeyField().Match(page).Groups[1].Value;
        var done = await admin.PostAsync(response.Headers.Location!.OriginalString, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = Code(key),
            ["Required"] = "true",
            ["ReturnUrl"] = "/demo/admin/users",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Contains("href=\"/demo/admin/users\">Continua", await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/demo/admin/users")).StatusCode);
    }

    [Fact]
    public async Task The_rule_holds_for_the_api_too_so_it_cannot_be_turned_off_from_there()
    {
        await _app.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "settings", "modules": { "identity": { "requireTwoFactorForAdministrators": true } } } ] }
            """, "default");
        var admin = _app.ClientFor();
        await SignIn.AsAsync(admin, string.Empty, SignIn.PlatformAdmin, SignIn.PlatformPassword);

        var list = await admin.GetAsync("/api/tenants");
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("verifica in due passaggi", await list.Content.ReadAsStringAsync());

        var token = await ApiToken.GetAsync(admin, string.Empty);
        var off = await admin.SendAsync(ApiToken.Json(HttpMethod.Put, "/api/tenants/default/settings/identity", token, """{ "requireTwoFactorForAdministrators": false }"""));
        Assert.Equal(HttpStatusCode.Forbidden, off.StatusCode);
        Assert.True(_app.Registry.Find("default")!.ModuleSettings<Sportello.Identity.Domain.IdentitySettings>("identity").RequireTwoFactorForAdministrators);

        var suspend = await admin.SendAsync(ApiToken.Json(HttpMethod.Post, "/api/tenants/demo/suspend", token, "{}"));
        Assert.Equal(HttpStatusCode.Forbidden, suspend.StatusCode);
        Assert.Equal(Sportello.Core.Tenancy.TenantState.Running, _app.Registry.Find("demo")!.Settings.State);
    }
}

public sealed class TwoFactorTestsOnSqlite() : TwoFactorTests(StoreKind.Sqlite);

public sealed class TwoFactorTestsOnPostgres() : TwoFactorTests(StoreKind.Postgres);
