using Microsoft.Playwright;
using Sportello.Organizations.Tests;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// Organizations in the browser. A newcomer signs up, completes their organization with live validation, invites a
/// colleague who accepts, and lets the demo partner manage only the document archive; the partner's console then
/// shows that area's service and not the other's. The demo customer fixes a company's data and switches
/// organization. axe-core on each step, no console errors under the content security policy.
/// </summary>
public sealed class OrganizationJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    private const string Colleague = "tommaso.ferri@example.it";
    private const string Password = "Organizzazione-Demo-2026";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.RunRecipeAsync($$"""
            { "name": "t", "steps": [
              { "step": "modules", "enable": [ "{{new ArchiveModule().Id}}" ] },
              { "step": "settings", "modules": { "identity": { "allowSignUp": true } } },
              { "step": "users", "users": [ { "email": "{{Colleague}}", "displayName": "Tommaso Ferri", "password": "{{Password}}", "roles": ["Customer"] } ] } ] }
            """, "demo");
    }

    [Fact]
    public async Task A_newcomer_completes_their_organization_invites_a_colleague_and_entrusts_one_area_to_a_partner()
    {
        const string email = "giorgia.marino@example.it";
        await using var newcomer = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (page, console) = await PageWithConsoleAsync(newcomer);

        await page.GotoAsync($"{Base}/demo/account/register");
        await page.GetByLabel("Nome e cognome").FillAsync("Giorgia Marino");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password (almeno").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrati" }).ClickAsync();
        await page.GotoAsync(Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(App, "demo", email)).Single()));
        await App.OutboxDrainedAsync("demo"); // the organization in her own name
        await page.GotoAsync($"{Base}/demo/area/organization");
        await SignInAsync(page, email, Password);
        await Assertions.Expect(page.Locator(".area-bar")).ToContainTextAsync("Stai operando per Giorgia Marino");

        // The codice fiscale with its last character wrong: said while typing, with the right one.
        var code = page.GetByLabel("Codice fiscale");
        await code.FillAsync("MRNGRG85C52F839H");
        await page.GetByLabel("Indirizzo della sede").FocusAsync();
        await Assertions.Expect(page.Locator("#Form_CodiceFiscale-live")).ToContainTextAsync("dovrebbe essere «G»");
        await Assertions.Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await code.FillAsync("MRNGRG85C52F839G");
        await page.GetByLabel("Indirizzo della sede").FillAsync("Via Toledo 256");
        await Assertions.Expect(page.Locator("#Form_CodiceFiscale-live")).ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva i dati" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dati salvati.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "newcomer's organization");

        // A colleague invited as collaborator accepts from the e-mail, signing in on the way.
        await page.GotoAsync($"{Base}/demo/area/organization/members");
        await page.GetByLabel("Indirizzo e-mail").FillAsync(Colleague);
        await page.GetByLabel("Ruolo", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Collaboratore" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Invia l'invito" }).ClickAsync();
        var invitation = Mailbox.FirstLink((await Mailbox.WaitForPickupAsync(App, "demo", Colleague))[^1]);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "members with an open invitation");

        await using var colleague = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (colleaguePage, colleagueConsole) = await PageWithConsoleAsync(colleague);
        await colleaguePage.GotoAsync(invitation);
        await Accessibility.AssertNoSeriousViolationsAsync(colleaguePage, "invitation");
        await colleaguePage.GetByRole(AriaRole.Link, new() { Name = "Accedi e accetta" }).ClickAsync();
        await SignInAsync(colleaguePage, Colleague, Password);
        await colleaguePage.GetByRole(AriaRole.Button, new() { Name = "Accetta l'invito" }).ClickAsync();
        await Assertions.Expect(colleaguePage.GetByRole(AriaRole.Status)).ToContainTextAsync("ora fai parte dell'organizzazione");
        await Assertions.Expect(colleaguePage.Locator(".area-bar")).ToContainTextAsync("Giorgia Marino");

        // The partner may manage the document archive only, without billing.
        await page.GotoAsync($"{Base}/demo/area/organization/partner");
        await page.GetByLabel("Partita IVA del partner").FillAsync("07312540631");
        await page.GetByLabel("Solo le aree scelte qui sotto").CheckAsync();
        await page.GetByLabel("Archivio documenti").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Affida al partner" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Il partner ora gestisce l'organizzazione");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "partner access");

        await using var partner = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (partnerPage, partnerConsole) = await PageWithConsoleAsync(partner);
        await partnerPage.GotoAsync($"{Base}/demo/area/partner");
        await SignInAsync(partnerPage, "partner@fiducia-demo.example", SignIn.DemoCustomerPassword);
        var client = partnerPage.Locator("tr[data-client='Giorgia Marino']");
        await Assertions.Expect(client.Locator("li[data-area='archive']")).ToContainTextAsync("Fascicolo clienti 2026");
        await Assertions.Expect(client.Locator("li[data-area='registry']")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(partnerPage, "partner console");

        Assert.Empty(console);
        Assert.Empty(colleagueConsole);
        Assert.Empty(partnerConsole);
    }

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
