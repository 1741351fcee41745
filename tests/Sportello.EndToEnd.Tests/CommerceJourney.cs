using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// E-commerce users in the browser, on the demo's shared accounts. The operator finds Paolo Romano (who reaches his
/// own record and his daughter's) by a few letters and sets a password from the list's detail; from the daughter's
/// record sends a reset link, which the customer follows to choose their own password; then dissociates Luca Bianchi
/// from the company he administers, leaving him his own. axe-core on each screen, no console errors under the content security policy.
/// </summary>
public sealed class CommerceJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    private const string Customer = "paolo.romano@fiducia-demo.example";
    private const string Accountant = "luca.bianchi@fiducia-demo.example";

    [Fact]
    public async Task An_operator_resets_a_password_from_the_list_and_by_e_mail_and_dissociates_a_shared_account()
    {
        await using var office = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (page, console) = await PageWithConsoleAsync(office);
        await page.GotoAsync($"{Base}/demo/admin/commerce/users");
        await SignInAsync(page, SignIn.DemoAdmin, SignIn.DemoAdminPassword);

        await page.GetByLabel("Nome o e-mail").FillAsync("roman");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cerca" }).ClickAsync();
        var row = page.Locator($"tr[data-account='{Customer}']");
        await Assertions.Expect(row).ToContainTextAsync("Chiara Romano, Paolo Romano");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "commerce-users");

        await row.GetByRole(AriaRole.Link, new() { Name = "Paolo Romano" }).ClickAsync();
        await page.GetByLabel("Nuova password", new() { Exact = true }).FillAsync("Detta-Al-Telefono-26");
        await page.GetByLabel("Ripeti la nuova password").FillAsync("Detta-Al-Telefono-27");
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Le due password non coincidono");
        await page.GetByLabel("Nuova password", new() { Exact = true }).FillAsync("Detta-Al-Telefono-26");
        await page.GetByLabel("Ripeti la nuova password").FillAsync("Detta-Al-Telefono-26");
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("non è stata inviata nessuna e-mail");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "commerce-user");

        // From the daughter's record: Scorciatoie → Reset password, by e-mail.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chiara Romano" }).ClickAsync();
        var panel = page.Locator($"tr[data-account='{Customer}']");
        await panel.GetByRole(AriaRole.Link, new() { Name = "Reset password" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Inviare al cliente un'e-mail per impostare una nuova password?")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "commerce-reset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sì, invia l'e-mail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"E-mail inviata a {Customer}");

        await using var home = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (customer, customerConsole) = await PageWithConsoleAsync(home);
        await customer.GotoAsync(Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(App, "demo", Customer))[^1]));
        await customer.GetByLabel("Nuova password").FillAsync("Scelta-Da-Paolo-2026");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Salva la password" }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Password aggiornata" })).ToBeVisibleAsync();
        await customer.GotoAsync($"{Base}/demo/area/organization");
        await SignInAsync(customer, Customer, "Scelta-Da-Paolo-2026");
        await Assertions.Expect(customer).ToHaveURLAsync($"{Base}/demo/area/organization");

        // Modifica → Account: Luca Bianchi, administrator of Esposito Consulenze and owner of his own company, leaves the former only.
        await page.GotoAsync($"{Base}/demo/admin/commerce/users?q=bianchi");
        await page.Locator($"tr[data-account='{Accountant}']").GetByRole(AriaRole.Link, new() { Name = "Luca Bianchi" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Esposito Consulenze S.r.l." }).ClickAsync();
        await page.Locator($"tr[data-account='{Accountant}']").GetByRole(AriaRole.Link, new() { Name = "Dissocia utente" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Dissociare {Accountant} da Esposito Consulenze S.r.l.?")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page, "commerce-dissociate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sì, dissocia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Account dissociato dall'anagrafica");
        await Assertions.Expect(page.Locator("#account-records + ul")).ToContainTextAsync("Bianchi Digitale S.r.l.");
        await Assertions.Expect(page.Locator("#account-records + ul")).Not.ToContainTextAsync("Esposito Consulenze");
        await Accessibility.ScreenshotAsync(page, "commerce-user");

        Assert.Empty(console);
        Assert.Empty(customerConsole);
    }
}
