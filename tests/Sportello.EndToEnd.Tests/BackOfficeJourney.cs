using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// The demo tenant's administrator, required to use a second factor, is sent to enrol and comes back to the page
/// asked for; previews a mail template in its sandboxed frame; invites a colleague and locks them after the
/// confirmation step, finds the lock in the audit log and starts a scheduled job by hand. axe-core on each back-office
/// page, no browser console errors under the content security policy.
/// </summary>
public sealed partial class BackOfficeJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "settings", "modules": { "identity": { "allowSignUp": true, "requireTwoFactorForAdministrators": true } } } ] }
            """, "demo");
    }

    [Fact]
    public async Task An_administrator_enrols_when_required_previews_a_template_and_locks_a_colleague_after_confirming()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (page, console) = await PageWithConsoleAsync(context);

        await page.GotoAsync($"{Base}/demo/admin/users");
        await SignInAsync(page, SignIn.DemoAdmin, SignIn.DemoAdminPassword);

        // The rule sends the administrator to enrol first, then back to the users page.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("gli amministratori devono attivare la verifica in due passaggi");
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", string.Empty).ToUpperInvariant();
        await page.GetByLabel("Codice dell'app").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifica e attiva" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continua" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Base}/demo/admin/users");

        // A template previewed in its own sandboxed frame, with sample values.
        await page.GotoAsync($"{Base}/demo/admin/mail");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invito a scegliere la password" }).First.ClickAsync();
        await page.GetByLabel("Oggetto").FillAsync("Benvenuta in {{ tenant.name }}, {{ user.name }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anteprima" }).ClickAsync();
        var frame = page.FrameLocator("iframe[name=mail-preview]");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Benvenuta in Fiducia Digitale Demo, Maria Rossi");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "mail template");

        // Invite a colleague, then lock them: the page asks first.
        await page.GotoAsync($"{Base}/demo/admin/users");
        await page.GetByLabel("Nome e cognome").FillAsync("Elena Riva");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("elena.riva@fiducia-demo.example");
        await page.GetByLabel("Ruolo").SelectOptionAsync(new SelectOptionValue { Label = "Operatore" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Invia l'invito" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Invito inviato");
        await page.GetByRole(AriaRole.Link, new() { Name = "Elena Riva" }).ClickAsync();
        await Assertions.Expect(page.Locator(".badge.state-invited")).ToHaveTextAsync("Invitato");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "user details");
        await page.GetByRole(AriaRole.Link, new() { Name = "Blocca…" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bloccare l'accesso di elena.riva@fiducia-demo.example?" })).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "user-lock-confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sì, blocca" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Utente bloccato");
        await Assertions.Expect(page.Locator(".badge.state-locked")).ToHaveTextAsync("Bloccato");

        // The audit log says who locked whom; filtered by the action, in words.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registro attività" }).ClickAsync();
        await page.GetByLabel("Azione").SelectOptionAsync(new SelectOptionValue { Label = "Bloccato" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtra" }).ClickAsync();
        var locked = page.Locator("tr[data-action='identity.user-locked']").First;
        await Assertions.Expect(locked).ToContainTextAsync("elena.riva@fiducia-demo.example");
        await Assertions.Expect(locked).ToContainTextAsync("Giulia Ferri");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "audit log");

        // A scheduled job started by hand.
        await page.GetByRole(AriaRole.Link, new() { Name = "Attività pianificate" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Esegui ora: Eliminazione dei file scaduti" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("«Eliminazione dei file scaduti» è stata avviata");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "scheduled jobs");

        Assert.Empty(console);
    }
}
