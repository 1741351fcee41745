using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Sportello.Host.Tests;

/// <summary>Every answer carries the security headers; HTTPS seen through a trusted proxy brings HSTS and Secure cookies.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.Fixture fixture) : IClassFixture<SecurityHeadersTests.Fixture>
{
    private const string Proxy = "10.9.0.1";

    public sealed class Fixture : AppFixture
    {
        protected override string Environment => "Production";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Sportello:PublicUrl"] = "https://sportello.example.it",
            ["Sportello:Proxies:KnownProxies:0"] = Proxy,
        };
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Theory]
    [InlineData("/demo/account/login")]
    [InlineData("/demo/")]
    [InlineData("/demo/help")]
    [InlineData("/demo/pagina-che-non-esiste")]
    [InlineData("/demo/api/tenants")]
    [InlineData("/demo/_branding.css")]
    public async Task Pages_errors_apis_and_assets_carry_the_security_headers(string path)
    {
        var response = await fixture.App.ClientFor("sportello.example.it").GetAsync(path);
        AssertHeaders(response);
    }

    [Fact]
    public async Task Https_through_the_trusted_proxy_brings_hsts_and_secure_cookies()
    {
        var client = fixture.App.ClientFor("sportello.example.it", address: Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        var response = await client.GetAsync("/demo/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        var client = fixture.App.ClientFor("sportello.example.it", address: "10.9.0.2");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        var response = await client.GetAsync("/demo/account/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));

        // From the proxy, a forwarded host still has to be one the platform serves.
        var proxied = fixture.App.ClientFor("sportello.example.it", address: Proxy);
        proxied.DefaultRequestHeaders.Add("X-Forwarded-Host", "attacker.example");
        Assert.Equal(HttpStatusCode.BadRequest, (await proxied.GetAsync("/demo/account/login")).StatusCode);
    }

    [Fact]
    public async Task The_client_address_behind_the_proxy_is_the_one_audited()
    {
        var client = fixture.App.ClientFor("sportello.example.it", address: Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        await SignIn.PostLoginAsync(client, "/demo", "chi@example.it", "sbagliata-1A");
        var audited = await fixture.App.InTenantAsync("demo", sp => sp.GetRequiredService<Sportello.Identity.Data.IdentityStoreDbContext>()
            .Set<Sportello.Core.Audit.AuditEntry>().Where(a => a.SubjectName == "chi@example.it").Select(a => a.IpAddress).SingleAsync());
        Assert.Equal("203.0.113.77", audited);
    }

    [Fact]
    public async Task The_branding_is_a_style_sheet_cached_by_version_not_an_inline_style()
    {
        var page = await fixture.App.ClientFor("sportello.example.it").GetStringAsync("/demo/account/login");
        Assert.DoesNotContain("<style", page);
        var version = fixture.App.Registry.Find("demo")!.Settings.Version;
        Assert.Contains($"href=\"/demo/_branding.css?v={version}\"", page);
        var css = await fixture.App.ClientFor("sportello.example.it").GetAsync($"/demo/_branding.css?v={version}");
        Assert.Contains("--brand-primary:", await css.Content.ReadAsStringAsync());
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString());
    }
}
