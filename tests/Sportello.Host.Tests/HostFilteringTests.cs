using System.Net;

namespace Sportello.Host.Tests;

/// <summary>Outside Development a Host header that no tenant claims and the platform does not serve is refused.</summary>
public sealed class HostFilteringTests(HostFilteringTests.Fixture fixture) : IClassFixture<HostFilteringTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        protected override string Environment => "Production";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Sportello:PublicUrl"] = "https://sportello.example.it",
            ["Sportello:Hosts:Allowed:0"] = "node1.internal",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await App.RunRecipeAsync(SportelloApp.TenantRecipe("shop", hosts: "\"shop.example.it\", \"*.wild.example.it\"", modules: ["pages"]));
        }
    }

    [Theory]
    [InlineData("sportello.example.it")]
    [InlineData("node1.internal")]
    [InlineData("shop.example.it")]
    [InlineData("shop.example.it:8443")]
    [InlineData("a.wild.example.it")]
    public async Task Hosts_of_tenants_and_of_the_platform_are_answered(string host)
    {
        var response = await fixture.App.ClientFor(host).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("wild.example.it")]
    [InlineData("localhost")]
    public async Task Other_hosts_are_refused_before_any_tenant_answers(string host)
    {
        var response = await fixture.App.ClientFor(host).GetAsync("/demo/account/forgot-password");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Indirizzo non riconosciuto", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Health_probes_answer_on_any_host()
    {
        var response = await fixture.App.ClientFor("10.0.0.7").GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
