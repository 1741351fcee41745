using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// A customer of the demo tenant signs up, confirms the e-mail, enrols an authenticator app, signs out and signs in
/// again with a code; the pages on the way pass axe-core, and the administrator's dashboard too.
/// </summary>
public sealed partial class SignUpAndTwoFactorJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    [GeneratedRegex("^[a-z0-9 ]+$")]
    private static partial Regex KeyShape();

    [Fact]
    public async Task A_customer_signs_up_confirms_enrols_two_factor_and_signs_in_with_a_code()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var page = await context.NewPageAsync();
        const string email = "lucia.romano@example.it";
        const string password = "Password-Sicura-2026";

        await page.GotoAsync($"{Base}/demo/account/register");
        await page.GetByLabel("Nome e cognome").FillAsync("Lucia Romano");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password (almeno").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrati" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Controlla la tua posta" })).ToBeVisibleAsync();

        var confirmation = (await Mailbox.WaitForPickupAsync(App, "demo", email)).Single();
        await page.GotoAsync(Mailbox.FirstLink(confirmation));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Indirizzo confermato" })).ToBeVisibleAsync();

        await page.GotoAsync($"{Base}/demo/account/login");
        await Accessibility.ScreenshotAsync(page, "sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "sign-in");
        await SignInAsync(page, email, password);
        await Assertions.Expect(page).ToHaveURLAsync($"{Base}/demo/");

        await page.GotoAsync($"{Base}/demo/account/two-factor/enable");
        await Accessibility.ScreenshotAsync(page, "two-factor-enrolment");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "two-factor enrolment");
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Trim();
        Assert.Matches(KeyShape(), key);
        await page.GetByLabel("Codice dell'app").FillAsync(Code(key, 0));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifica e attiva" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "I tuoi codici di recupero" })).ToBeVisibleAsync();
        Assert.Equal(10, await page.Locator("ul.codes li").CountAsync());

        await page.GotoAsync($"{Base}/demo/account/logout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Esci" }).ClickAsync();

        await page.GotoAsync($"{Base}/demo/account/login");
        await SignInAsync(page, email, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Codice di verifica" })).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "two-factor-sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "two-factor sign-in");
        // The enrolment used this step's code; the app's next code (one step of drift is allowed) is a fresh one.
        await page.GetByLabel("Codice").FillAsync(Code(key, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verifica", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Base}/demo/");

        await page.GotoAsync($"{Base}/demo/account");
        await Assertions.Expect(page.GetByText("Lucia Romano")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_admin_dashboard_is_accessible()
    {
        await using var context = await browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Base}/demo/account/login?ReturnUrl=%2Fdemo%2Fadmin");
        await SignInAsync(page, SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pannello di Fiducia Digitale Demo" })).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "admin-dashboard");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "admin dashboard");
    }

    private static string Code(string readableKey, int steps) =>
        new Totp(Base32Encoding.ToBytes(readableKey.Replace(" ", "").ToUpperInvariant())).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));
}
