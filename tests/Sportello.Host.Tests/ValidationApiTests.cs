using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sportello.Host.Tests;

/// <summary>The live-validation lookups pages call while a field is typed: anonymous, per language, rate-limited.</summary>
public sealed class ValidationApiTests(ValidationApiTests.Fixture fixture) : IClassFixture<ValidationApiTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Sportello:RateLimits:LookupsPerWindow"] = "20",
        };
    }

    // The language is chosen as for pages: ?culture=, the language cookie (which the page's script sends), the user's, the tenant's.
    private static async Task<JsonElement> AskAsync(HttpClient client, string kind, string value, string? culture = null)
    {
        var response = await client.GetAsync($"/demo/api/validate/{kind}?value={Uri.EscapeDataString(value)}"
            + (culture is null ? string.Empty : "&culture=" + culture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("bnclra92c55f205c", true, "BNCLRA92C55F205C")] // valid, typed in lower case
    [InlineData("BNCLRAVNCRRFNLRE", true, "BNCLRAVNCRRFNLRE")] // omocode
    [InlineData("BNCLRA92C55F205D", false, "BNCLRA92C55F205D")] // wrong check character
    public async Task A_codice_fiscale_is_answered_without_signing_in(string value, bool valid, string normalized)
    {
        var answer = await AskAsync(fixture.App.ClientFor(), "codice-fiscale", value);
        Assert.Equal(valid, answer.GetProperty("valid").GetBoolean());
        Assert.Equal(normalized, answer.GetProperty("normalized").GetString());
        Assert.Equal(valid, answer.GetProperty("message").GetString() == string.Empty);
        if (!valid)
        {
            Assert.Contains("dovrebbe essere «C»", answer.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task The_message_speaks_the_language_of_the_request()
    {
        var english = await AskAsync(fixture.App.ClientFor(), "codice-fiscale", "BNCLRA92B30F205J", "en");
        Assert.Contains("does not exist: February 30", english.GetProperty("message").GetString());
        var italian = await AskAsync(fixture.App.ClientFor(), "codice-fiscale", "BNCLRA92B30F205J");
        Assert.Contains("il 30 febbraio", italian.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("partita-iva", "IT12345670017", "12345670017")]
    [InlineData("iban", "it60 x054 2811 1010 0000 0123 456", "IT60X0542811101000000123456")]
    [InlineData("email", "Laura@Example.IT", "Laura@example.it")]
    [InlineData("phone", "347 123 4567", "+393471234567")]
    [InlineData("cap", "20121", "20121")]
    [InlineData("sdi", "m5uxcr1", "M5UXCR1")]
    public async Task Every_kind_answers(string kind, string value, string normalized)
    {
        var answer = await AskAsync(fixture.App.ClientFor(), kind, value);
        Assert.True(answer.GetProperty("valid").GetBoolean(), answer.GetProperty("message").GetString());
        Assert.Equal(normalized, answer.GetProperty("normalized").GetString());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_problem_naming_the_known_ones()
    {
        var response = await fixture.App.ClientFor().GetAsync("/demo/api/validate/codice-segreto?value=x");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("codice-fiscale", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_value_is_refused_as_required_not_an_error()
    {
        var answer = await AskAsync(fixture.App.ClientFor(), "iban", string.Empty);
        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Contains("obbligatorio", answer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task One_client_typing_without_end_meets_the_rate_limit_others_do_not()
    {
        var client = fixture.App.ClientFor(address: "198.51.100.77");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await client.GetAsync($"/demo/api/validate/cap?value=2012{i % 10}")).StatusCode);
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var other = await fixture.App.ClientFor(address: "198.51.100.78").GetAsync("/demo/api/validate/cap?value=20121");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
