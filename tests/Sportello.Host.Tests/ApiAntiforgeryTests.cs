using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;

namespace Sportello.Host.Tests;

/// <summary>
/// Every state-changing API endpoint of every module, found from the routing table, refuses a call that carries
/// the sign-in cookie but no antiforgery token, as a foreign site's form would send it.
/// </summary>
public sealed class ApiAntiforgeryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "demo",
        ["module"] = "identity",
    };

    public static IEnumerable<(string Method, string Path)> UnsafeApiEndpoints(IServiceProvider services, bool signedByProvider = false) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .Where(e => SignedByProvider(e) == signedByProvider)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => (m, "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Part)))))))
            .Distinct()
            .ToList();

    // A payment provider's webhook is anonymous and opts out of antiforgery: its signature is its proof, no cookie is involved.
    private static bool SignedByProvider(Microsoft.AspNetCore.Http.Endpoint e) =>
        e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null
        && e.Metadata.GetMetadata<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>() is { RequiresValidation: false };

    [Fact]
    public void Only_the_payment_providers_webhooks_opt_out_of_antiforgery()
    {
        var optedOut = UnsafeApiEndpoints(fixture.App.Services, signedByProvider: true).Select(e => e.Path).ToList();
        Assert.Contains("/api/billing/webhooks/stripe", optedOut);
        Assert.All(optedOut, path => Assert.StartsWith("/api/billing/webhooks/", path, StringComparison.Ordinal));
    }

    private static string Part(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPart part) => part switch
    {
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Samples.TryGetValue(parameter.Name, out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"Add a sample value for the route parameter '{parameter.Name}' to {nameof(ApiAntiforgeryTests)}."),
        _ => string.Empty,
    };

    [Fact]
    public async Task A_cookie_authenticated_change_without_the_token_is_refused_on_every_endpoint()
    {
        var endpoints = UnsafeApiEndpoints(fixture.App.Services);
        Assert.NotEmpty(endpoints);
        var client = fixture.App.ClientFor();
        await SignIn.AsAsync(client, string.Empty, SignIn.PlatformAdmin, SignIn.PlatformPassword);

        foreach (var (method, path) in endpoints)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["confirm"] = "demo" }),
            };
            request.Headers.Add("Origin", "https://evil.example");
            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest && body.Contains("Token antiforgery", StringComparison.Ordinal),
                $"{method} {path} answered {(int)response.StatusCode}: {body}");
        }

        Assert.Equal(Sportello.Core.Tenancy.TenantState.Running, fixture.App.Registry.Find("demo")!.Settings.State);
    }

    [Fact]
    public async Task With_the_token_the_same_call_goes_through()
    {
        var client = fixture.App.ClientFor();
        await SignIn.AsAsync(client, string.Empty, SignIn.PlatformAdmin, SignIn.PlatformPassword);
        var token = JsonDocument.Parse(await client.GetStringAsync("/api/antiforgery/token")).RootElement;
        Assert.Equal(ApiToken.Header, token.GetProperty("headerName").GetString());

        var response = await client.SendAsync(ApiToken.Json(HttpMethod.Get, "/api/tenants/demo", null, "{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await client.SendAsync(ApiToken.Json(HttpMethod.Put, "/api/tenants/demo/limits", token.GetProperty("token").GetString(), "{}"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
    }
}
