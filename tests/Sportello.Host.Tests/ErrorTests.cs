using System.Net;
using System.Text.Json;

namespace Sportello.Host.Tests;

/// <summary>What visitors and API clients see when something fails, outside Development.</summary>
public sealed class ErrorTests : IAsyncLifetime
{
    private SportelloApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SportelloApp.StartAsync(StoreKind.Sqlite, environment: "Production");
        await _app.Tenants.EnableModulesAsync("demo", ["faults"]);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_failing_page_shows_the_tenants_error_page_without_details()
    {
        var response = await _app.ClientFor().GetAsync("/demo/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Si è verificato un errore", WebUtility.HtmlDecode(body));
        Assert.Contains("Fiducia Digitale Demo", body);
        Assert.DoesNotContain("secret detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task A_failing_api_answers_problem_details_without_details()
    {
        var response = await _app.ClientFor().GetAsync("/demo/api/boom");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("secret detail", body);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await _app.ClientFor().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_is_the_tenants_404_page()
    {
        var response = await _app.ClientFor().GetAsync("/demo/non-esiste");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Pagina non trovata", body);
        Assert.Contains("--brand-primary:#1f6f50", await Branding.StyleOfAsync(_app.ClientFor(), body));
    }
}
