using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// The demo customer completes their company's data with live validation telling them what is wrong while they type,
/// saves it, and switches to their own organization from the bar above the customer area. axe-core on each step,
/// no console errors under the content security policy.
/// </summary>
public sealed class OrganizationJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    [Fact]
    public async Task A_customer_fixes_a_wrong_code_while_typing_saves_and_switches_organization()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (page, console) = await PageWithConsoleAsync(context);

        await page.GotoAsync($"{Base}/demo/area/organization");
        await SignInAsync(page, SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        await Assertions.Expect(page).ToHaveURLAsync($"{Base}/demo/area/organization");
        await Assertions.Expect(page.Locator(".area-bar")).ToContainTextAsync("Stai operando per Esposito Consulenze S.r.l.");

        // A digit typed wrong is caught when the field is left, with the digit it should be.
        var vat = page.GetByLabel("Partita IVA");
        await vat.FillAsync("04681230638");
        await page.GetByLabel("Indirizzo della sede").FocusAsync();
        await Assertions.Expect(page.Locator("#Form_PartitaIva-live")).ToContainTextAsync("l'ultima dovrebbe essere 9, non 8");
        await Assertions.Expect(vat).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "organization with a live refusal");

        await vat.FillAsync("04681230639");
        await page.GetByLabel("Indirizzo della sede").FillAsync("Via Chiaia 12");
        await Assertions.Expect(page.Locator("#Form_PartitaIva-live")).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva i dati" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dati salvati.");

        await page.GetByLabel("Passa a un'altra organizzazione").SelectOptionAsync(new SelectOptionValue { Label = "Marco Esposito" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Cambia organizzazione" }).ClickAsync();
        await Assertions.Expect(page.Locator(".area-bar")).ToContainTextAsync("Stai operando per Marco Esposito");
        await Assertions.Expect(page.GetByLabel("Codice fiscale")).ToHaveValueAsync("SPSMRC80C15F839R");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "own organization");

        Assert.Empty(console);
    }
}
