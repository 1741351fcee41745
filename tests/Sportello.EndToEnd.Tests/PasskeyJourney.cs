using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// A customer registers a passkey from the account page (chromium's virtual authenticator stands in for the phone),
/// renames it, signs in with it instead of the password, uses it in place of the authenticator code once two-factor
/// sign-in is on, and removes it. axe-core on the passkeys page, no console errors under the content security policy.
/// </summary>
public sealed class PasskeyJourney(Browser browser) : Journey, IClassFixture<Browser>
{
    private const string Email = "paolo.greco@example.it";
    private const string Password = "Passkey-Demo-2026";

    /// <summary>The site by name: a passkey belongs to a domain, never to an IP address.</summary>
    private string Site => Base.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await App.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "{{Email}}", "displayName": "Paolo Greco", "password": "{{Password}}", "roles": ["Customer"] } ] } ] }
            """, "demo");
    }

    [Fact]
    public async Task A_customer_registers_a_passkey_signs_in_with_it_uses_it_as_second_factor_and_removes_it()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "it-IT" });
        var (page, console) = await PageWithConsoleAsync(context);
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync($"{Site}/demo/account/passkeys");
        await SignInAsync(page, Email, Password);
        await Assertions.Expect(page.GetByText("Non hai ancora nessuna passkey.")).ToBeVisibleAsync();
        await page.GetByLabel("Nome della passkey").FillAsync("Portatile");
        await page.GetByLabel("La tua password attuale").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aggiungi una passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Passkey aggiunta");
        await Assertions.Expect(page.Locator("[data-passkey-row]")).ToHaveCountAsync(1);
        await Accessibility.AssertNoSeriousViolationsAsync(page, "passkeys");

        await page.GetByLabel("Nuovo nome per Portatile").FillAsync("Portatile di lavoro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rinomina" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-passkey-row='Portatile di lavoro']")).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "passkeys");

        // Without the password.
        await SignOutAsync(page);
        await page.GotoAsync($"{Site}/demo/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi con una passkey" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Site}/demo/");
        await page.GotoAsync($"{Site}/demo/account");
        await Assertions.Expect(page.GetByText("Paolo Greco").First).ToBeVisibleAsync();

        // In place of the authenticator code.
        await App.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Sportello.Identity.Data.SportelloUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });
        await SignOutAsync(page);
        await page.GotoAsync($"{Site}/demo/account/login");
        await SignInAsync(page, Email, Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Codice di verifica" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Usa una passkey" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{Site}/demo/");

        await page.GotoAsync($"{Site}/demo/account/passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rimuovi Portatile di lavoro" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Non hai ancora nessuna passkey.")).ToBeVisibleAsync();

        Assert.Empty(console);
    }

    private async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync($"{Site}/demo/account/logout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Esci" }).ClickAsync();
    }
}
