using System.Net;

namespace Sportello.Identity.Tests;

public abstract class ProfileAndLanguageTests(StoreKind kind) : ProviderTests(kind)
{
    /// <summary>Posts the form and follows its redirect, as a browser does.</summary>
    private static async Task<string> PostAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html);
        var response = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Pages_speak_the_tenants_language_unless_another_is_chosen()
    {
        var italian = WebUtility.HtmlDecode(await App.ClientFor().GetStringAsync("/demo/account/login"));
        Assert.Contains("<html lang=\"it\">", italian);
        Assert.Contains("Hai dimenticato la password?", italian);

        var english = WebUtility.HtmlDecode(await App.ClientFor().GetStringAsync("/demo/account/login?culture=en-GB"));
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Forgot your password?", english);
        Assert.Contains("Skip to content", english);
    }

    [Fact]
    public async Task The_cached_home_page_is_kept_apart_per_language()
    {
        var client = App.ClientFor();
        Assert.Contains("Serve aiuto?", await client.GetStringAsync("/demo/"));
        Assert.Contains("Need help?", await client.GetStringAsync("/demo/?culture=en-GB"));
        Assert.Contains("Serve aiuto?", await client.GetStringAsync("/demo/"));
    }

    [Fact]
    public async Task A_users_language_preference_follows_them_after_sign_in()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var saved = await PostAsync(client, "/demo/account", new() { ["DisplayName"] = "Marco Esposito", ["Culture"] = "en-GB", ["NewEmail"] = "" });
        Assert.Contains("Profile updated.", saved);

        var later = App.ClientFor();
        await SignIn.AsAsync(later, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.Contains("Your profile", WebUtility.HtmlDecode(await later.GetStringAsync("/demo/account")));
    }

    [Fact]
    public async Task A_new_address_counts_only_once_confirmed_from_that_mailbox()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = await PostAsync(client, "/demo/account", new() { ["DisplayName"] = "Marco Esposito", ["Culture"] = "", ["NewEmail"] = "marco.nuovo@example.it" });
        Assert.Contains("la modifica vale quando lo apri", page);
        await SignIn.AsAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword); // not changed yet

        var link = Mailbox.FirstLink(Assert.Single(Mailbox.Pickup(App, "demo", "marco.nuovo@example.it")));
        var confirmed = WebUtility.HtmlDecode(await App.ClientFor().GetStringAsync(new Uri(link).PathAndQuery));
        Assert.Contains("Indirizzo cambiato", confirmed);

        await SignIn.AsAsync(App.ClientFor(), "/demo", "marco.nuovo@example.it", SignIn.DemoCustomerPassword);
        var old = await SignIn.PostLoginAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }
}

public sealed class ProfileAndLanguageTestsOnSqlite() : ProfileAndLanguageTests(StoreKind.Sqlite);

public sealed class ProfileAndLanguageTestsOnPostgres() : ProfileAndLanguageTests(StoreKind.Postgres);
