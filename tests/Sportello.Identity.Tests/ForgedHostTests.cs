using System.Net;

namespace Sportello.Identity.Tests;

/// <summary>A client chooses its Host header; the links the platform mails must not follow it.</summary>
public sealed class ForgedHostTests(ForgedHostTests.Fixture fixture) : IClassFixture<ForgedHostTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sportello:PublicUrl"] = "https://sportello.example.it" };
    }

    [Theory]
    [InlineData("", "default", SignIn.PlatformAdmin, "https://sportello.example.it/account/reset-password?userId=")]
    [InlineData("/demo", "demo", SignIn.DemoCustomer, "https://sportello.example.it/demo/account/reset-password?userId=")]
    public async Task A_forged_host_on_forgot_password_yields_a_link_to_the_configured_address(string prefix, string tenant, string email, string expected)
    {
        var client = fixture.App.ClientFor("attacker.example");
        var response = await SignIn.PostFormAsync(client, $"{prefix}/account/forgot-password", $"{prefix}/account/forgot-password", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var message = await Mailbox.WaitForAsync(Path.Combine(fixture.App.AppData, "mail-pickup", tenant), email);
        var link = Mailbox.FirstLink(message);
        Assert.StartsWith(expected, link);
        Assert.DoesNotContain("attacker.example", message.HtmlBody);
        Assert.DoesNotContain("attacker.example", message.TextBody);
    }

    [Fact]
    public async Task A_guide_page_names_its_configured_address_as_canonical_whatever_the_host()
    {
        var html = await fixture.App.ClientFor("attacker.example").GetStringAsync("/demo/help/spid/rinnovare-identita-spid");
        Assert.Contains("rel=\"canonical\" href=\"https://sportello.example.it/demo/help/spid/rinnovare-identita-spid\"", html);
        Assert.DoesNotContain("attacker.example", html);
    }
}
