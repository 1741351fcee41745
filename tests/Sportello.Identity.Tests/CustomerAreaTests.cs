using System.Net;

namespace Sportello.Identity.Tests;

/// <summary>The customer area at /area: sign-in first, a menu and cards from the enabled modules the user may see.</summary>
public sealed class CustomerAreaTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SportelloApp App => fixture.App;

    private async Task<string> PageAsync(string email, string password, string path = "/demo/area")
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, password);
        return WebUtility.HtmlDecode(await client.GetStringAsync(path));
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_back()
    {
        var response = await App.ClientFor().GetAsync("/demo/area");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
        Assert.StartsWith("/demo/account/login", location);
        Assert.Contains("ReturnUrl=%2Fdemo%2Farea", location);
    }

    [Fact]
    public async Task The_demo_customer_sees_the_area_with_the_menu_and_cards_of_the_enabled_modules()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/demo/area"));
        Assert.Contains("<h1>Area clienti</h1>", page);
        Assert.Contains("href=\"/demo/account\">Il mio account</a>", page);
        Assert.Contains("href=\"/demo/help\">Guide e assistenza</a>", page);
        Assert.Contains("Il tuo account", page); // Identity's card
        Assert.Contains(SignIn.DemoCustomer, page);
        Assert.DoesNotContain("href=\"/demo/admin\"", page); // a permission the customer lacks

        var home = WebUtility.HtmlDecode(await client.GetStringAsync("/demo/"));
        Assert.Contains("href=\"/demo/area\"", home); // the header leads there
    }

    [Fact]
    public async Task Staff_see_the_back_office_entry_their_permission_allows()
    {
        var page = await PageAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        Assert.Contains("href=\"/demo/admin\">Back office</a>", page);
    }

    [Fact]
    public async Task A_module_turned_off_takes_its_entries_away()
    {
        await App.Tenants.DisableModulesAsync("demo", ["knowledge-base"]);
        try
        {
            var page = await PageAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
            Assert.DoesNotContain("Guide e assistenza", page);
            Assert.Contains("Il mio account", page);
        }
        finally
        {
            await App.Tenants.EnableModulesAsync("demo", ["knowledge-base"]);
        }
    }

    [Fact]
    public async Task The_area_speaks_english_to_english_readers()
    {
        var page = await PageAsync(SignIn.DemoCustomer, SignIn.DemoCustomerPassword, "/demo/area?culture=en");
        Assert.Contains("<h1>Customer area</h1>", page);
        Assert.Contains("My account", page);
        Assert.Contains("Two-step verification", page);
    }
}
