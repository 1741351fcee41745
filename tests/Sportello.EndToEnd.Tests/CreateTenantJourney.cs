using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// The platform administrator creates a reseller tenant from the reseller recipe through the back office, switches
/// its Pages module off and on again (previewing each change), and the new tenant's home page shows its branding.
/// </summary>
public sealed class CreateTenantJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    [Fact]
    public async Task The_platform_admin_creates_a_branded_tenant_and_enables_a_module_on_it()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{Base}/account/login");
        await SignInAsync(page, SignIn.PlatformAdmin, SignIn.PlatformPassword);

        await page.GotoAsync($"{Base}/admin/tenants");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nuovo tenant" }).ClickAsync();
        await Accessibility.ScreenshotAsync(page, "tenant-new");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "new tenant form");

        await page.GetByLabel("Ricetta della piattaforma").SelectOptionAsync("reseller.recipe.json");
        await page.GetByLabel("Nome (lettere minuscole").FillAsync("lumen");
        await page.GetByLabel("Prefisso").FillAsync("lumen");
        await page.GetByLabel("Nome mostrato").FillAsync("Lumen Servizi Fiduciari");
        await page.GetByLabel("Colore principale").FillAsync("#5b2a86");
        await page.GetByLabel("E-mail (riceve il collegamento").FillAsync("titolare@lumen.example");
        await page.GetByLabel("Nome e cognome").FillAsync("Livia Lumen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crea il tenant" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{Base}/admin/tenants/lumen");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tenant 'lumen' creato dalla ricetta 'reseller'");
        await Accessibility.ScreenshotAsync(page, "tenant-details");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "tenant details");
        Assert.Single(Mailbox.Pickup(App, "lumen", "titolare@lumen.example"));

        // Pages off, then on again: each change is previewed before it is confirmed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Disattiva Pagine" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Conferma della modifica" })).ToContainTextAsync("Verranno disattivati: Pagine.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Conferma" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moduli aggiornati.");
        var off = await page.Context.APIRequest.GetAsync($"{Base}/lumen/");
        Assert.Equal(404, off.Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Attiva Pagine" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Conferma della modifica" })).ToContainTextAsync("Verranno attivati: Pagine.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "module change preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Conferma" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-module=pages]")).ToContainTextAsync("Attivo");

        var visitor = await browser.Instance.NewPageAsync();
        await visitor.GotoAsync($"{Base}/lumen/");
        await Assertions.Expect(visitor.GetByText("Lumen Servizi Fiduciari").First).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Servizi fiduciari digitali, senza code" })).ToBeVisibleAsync();
        var primary = await visitor.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim()");
        Assert.Equal("#5b2a86", primary);
        await Accessibility.ScreenshotAsync(visitor, "tenant-home");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor, "new tenant's home page");
        await visitor.CloseAsync();
    }
}
