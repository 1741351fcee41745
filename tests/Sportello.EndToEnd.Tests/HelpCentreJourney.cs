using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// A customer searches the demo help centre with a typo, follows the suggestion, opens a guide and says it helped;
/// an editor writes a guide and watches the live preview. Every page passes axe-core.
/// </summary>
public sealed class HelpCentreJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    [Fact]
    public async Task A_customer_searches_with_a_typo_follows_the_suggestion_and_rates_a_guide()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{Base}/demo/help");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Centro assistenza", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Identità SPID" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "help centre");

        await page.GetByLabel("Cerca nelle guide").FillAsync("rinnvo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca", Exact = true }).ClickAsync();
        var suggestion = page.GetByRole(AriaRole.Link, new() { Name = "rinnovo", Exact = true });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "help-search-typo");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "search results with a suggestion");

        await suggestion.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("guide trovate per «rinnovo»");
        await Assertions.Expect(page.Locator(".help-results mark").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Filtra per argomento" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Identità SPID") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rinnovare un'identità SPID" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{Base}/demo/help/spid/rinnovare-identita-spid");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "In questa guida" })).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "help-guide");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "guide page");

        // The cached page has no token: the script fetches one just before sending.
        await page.GetByLabel("Sì").CheckAsync();
        await page.GetByLabel("Vuoi dirci qualcosa in più?").FillAsync("Chiara e completa.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Grazie!");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "feedback thanks");
    }

    [Fact]
    public async Task An_editor_writes_a_guide_with_the_live_preview()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Base}/demo/account/login");
        await SignInAsync(page, SignIn.DemoAdmin, SignIn.DemoAdminPassword);

        await page.GotoAsync($"{Base}/demo/admin/help");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "guide list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nuova guida" }).ClickAsync();
        await page.GetByLabel("Titolo").FillAsync("Cambiare il numero di cellulare");
        await page.GetByLabel("Slug (indirizzo)").FillAsync("cambiare-cellulare");
        await page.GetByLabel("Categoria").SelectOptionAsync(new SelectOptionValue { Label = "Account e sicurezza" });
        await page.GetByLabel("Testo (Markdown)").FillAsync("## Prima di iniziare\n\n1. Apri il profilo\n2. Scegli **Cellulare**\n\n<script>alert(1)</script>");

        var preview = page.Locator("#kb-preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Prima di iniziare" })).ToBeVisibleAsync();
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("Cellulare");
        Assert.Equal(0, await preview.Locator("script").CountAsync());
        await Accessibility.ScreenshotAsync(page, "help-editor");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "guide editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Pubblica" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Vedi sul sito" })).ToBeVisibleAsync();
    }
}
