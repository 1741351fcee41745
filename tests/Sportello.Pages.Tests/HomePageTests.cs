using System.Net;

namespace Sportello.Pages.Tests;

public abstract class HomePageTests(StoreKind kind) : ProviderTests(kind)
{
    [Fact]
    public async Task Shows_the_tenants_name_branding_welcome_text_and_contacts()
    {
        var client = App.ClientFor();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/demo/"));

        Assert.Contains("<title>Pagina iniziale · Fiducia Digitale Demo</title>", html);
        Assert.Contains("--brand-primary:#1f6f50;--brand-accent:#e0672b;", await Branding.StyleOfAsync(client, html));
        Assert.Contains("Identità digitale, PEC e SMS in un unico sportello", html);
        Assert.Contains("Serve aiuto?", html);
        Assert.Contains("Lun/Ven 08.30-18.00", html);
        Assert.Contains("<html lang=\"it\">", html);
    }

    [Fact]
    public async Task New_welcome_text_shows_on_the_next_request_despite_the_cache()
    {
        var client = App.ClientFor();
        Assert.Contains("unico sportello", await client.GetStringAsync("/demo/"));

        await App.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "pages", "home": { "headline": "Nuovo titolo", "intro": "Nuovo testo" } } ] }""", "demo");

        var html = await client.GetStringAsync("/demo/");
        Assert.Contains("Nuovo titolo", html);
        Assert.DoesNotContain("unico sportello", html);
    }

    [Fact]
    public async Task New_branding_shows_on_the_next_request()
    {
        var client = App.ClientFor();
        await client.GetStringAsync("/demo/");

        await App.Tenants.UpdateAsync("demo", s => s with { Branding = s.Branding with { PrimaryColor = "#aa0000", DisplayName = "Nuovo Marchio" } });

        var html = await client.GetStringAsync("/demo/");
        Assert.Contains("--brand-primary:#aa0000", await Branding.StyleOfAsync(client, html));
        Assert.Contains("Nuovo Marchio", html);
    }

    [Fact]
    public async Task The_module_setting_hides_the_support_card()
    {
        await App.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "settings", "modules": { "pages": { "showSupportContacts": false } } } ] }""", "demo");

        var html = await App.ClientFor().GetStringAsync("/demo/");
        Assert.DoesNotContain("Serve aiuto?", html);
        Assert.Contains("02 0000 1234", html); // the footer still shows the contacts
    }

    [Fact]
    public async Task Markup_in_the_welcome_text_is_shown_as_text()
    {
        await App.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "pages", "home": { "headline": "<script>alert(1)</script>", "intro": "x" } } ] }""", "demo");
        var html = await App.ClientFor().GetStringAsync("/demo/");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task A_headline_that_is_too_long_is_refused()
    {
        var recipe = $$"""{ "name": "t", "steps": [ { "step": "pages", "home": { "headline": "{{new string('x', 151)}}", "intro": "" } } ] }""";
        var ex = await Assert.ThrowsAsync<Sportello.Core.Recipes.RecipeException>(() => App.RunRecipeAsync(recipe, "demo"));
        Assert.Equal("$.steps[0].home.headline", Assert.Single(ex.Problems).Path);
    }
}

public sealed class HomePageTestsOnSqlite() : HomePageTests(StoreKind.Sqlite);

public sealed class HomePageTestsOnPostgres() : HomePageTests(StoreKind.Postgres);
