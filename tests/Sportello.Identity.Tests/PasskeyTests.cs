using System.Buffers.Text;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Sportello.Identity.Data;

namespace Sportello.Identity.Tests;

/// <summary>
/// Passkeys as the store keeps them (the ceremonies themselves run in chromium, in the passkey journey): each
/// account sees and changes only its own, the options answer only whoever may use them, and recovery codes keep
/// working beside a passkey.
/// </summary>
public abstract class PasskeyTests(SportelloApp app)
{
    private const string Page = "/demo/account/passkeys";

    /// <summary>A fresh customer holding one passkey (written to the store as a completed registration would).</summary>
    private async Task<(string Email, string CredentialId)> CustomerWithPasskeyAsync(bool twoFactor = false)
    {
        var email = $"passkey-{Guid.NewGuid().ToString("N")[..12]}@example.it";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "{{email}}", "displayName": "Chiave Prova", "password": "Passkey-Demo-2026", "roles": ["Customer"] } ] } ] }
            """, "demo");
        var credentialId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await app.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SportelloUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var passkey = new UserPasskeyInfo(credentialId, [1, 2, 3], DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [0], [0]) { Name = "Telefono" };
            Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
            if (twoFactor)
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }

            return 0;
        });
        return (email, Base64Url.EncodeToString(credentialId));
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, "Passkey-Demo-2026");
        return client;
    }

    [Fact]
    public async Task A_member_lists_renames_and_removes_their_own_passkeys()
    {
        var (email, id) = await CustomerWithPasskeyAsync();
        var client = await SignedInAsync(email);
        Assert.Contains("Telefono", await client.GetStringAsync(Page));

        var renamed = await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Rename&id={id}", new() { ["Name"] = "Telefono personale" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Telefono personale", await client.GetStringAsync(Page));

        var tooLong = await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Rename&id={id}", new() { ["Name"] = new string('x', 101) });
        Assert.Contains("al massimo 100 caratteri", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));

        // Adding one asks for the password again, checked before the credential is looked at.
        var wrongPassword = await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Add", new() { ["CredentialJson"] = "{}", ["Password"] = "non-e-questa" });
        Assert.Contains("La password non è corretta", WebUtility.HtmlDecode(await wrongPassword.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Remove&id={id}", [])).StatusCode);
        Assert.Contains("Non hai ancora nessuna passkey.", WebUtility.HtmlDecode(await client.GetStringAsync(Page)));
    }

    [Fact]
    public async Task Another_accounts_passkey_is_neither_renamed_nor_removed()
    {
        var (_, theirs) = await CustomerWithPasskeyAsync();
        var (mine, _) = await CustomerWithPasskeyAsync();
        var client = await SignedInAsync(mine);

        Assert.Equal(HttpStatusCode.NotFound, (await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Rename&id={theirs}", new() { ["Name"] = "Mio" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Remove&id={theirs}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Remove&id=%%%", [])).StatusCode);
        var credentialId = Base64Url.DecodeFromChars(theirs);
        var count = await app.InTenantAsync("demo", sp => Task.FromResult(sp.GetRequiredService<IdentityStoreDbContext>().Set<IdentityUserPasskey<string>>().Count(p => p.CredentialId == credentialId)));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Options_answer_only_who_may_use_them()
    {
        // The page and its options need a signed-in account; posts need the antiforgery token.
        var anonymous = app.ClientFor();
        Assert.Contains("/account/login", (await anonymous.GetAsync(Page)).Headers.Location!.OriginalString);
        var (email, _) = await CustomerWithPasskeyAsync();
        var client = await SignedInAsync(email);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"{Page}?handler=Options", null)).StatusCode);

        var options = await SignIn.PostFormAsync(client, Page, $"{Page}?handler=Options", []);
        Assert.Equal("application/json", options.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"challenge\"", await options.Content.ReadAsStringAsync());

        // The second step's options exist only after the password step.
        var stranger = app.ClientFor();
        Assert.Equal(HttpStatusCode.NotFound, (await SignIn.PostFormAsync(stranger, "/demo/account/login", "/demo/account/login-2fa?handler=PasskeyOptions", [])).StatusCode);

        // A credential posted without a ceremony under way is refused, not a 500.
        var forged = await SignIn.PostFormAsync(stranger, "/demo/account/login", "/demo/account/login?handler=Passkey", new() { ["CredentialJson"] = "{\"id\":\"x\"}" });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("La richiesta della passkey è scaduta", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Recovery_codes_keep_working_beside_a_passkey()
    {
        var (email, _) = await CustomerWithPasskeyAsync(twoFactor: true);
        var codes = await app.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SportelloUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.ToList();
        });
        var client = app.ClientFor();
        var login = await SignIn.PostLoginAsync(client, "/demo", email, "Passkey-Demo-2026");
        Assert.StartsWith("/demo/account/login-2fa", login.Headers.Location!.OriginalString);

        // The second step offers the passkey beside the code.
        var step = await client.GetStringAsync("/demo/account/login-2fa");
        Assert.Contains("data-passkey=\"get\"", step);
        var options = await SignIn.PostFormAsync(client, "/demo/account/login-2fa", "/demo/account/login-2fa?handler=PasskeyOptions", []);
        Assert.Contains("\"allowCredentials\"", await options.Content.ReadAsStringAsync());

        // Asking for the options keeps the password step: a recovery code still signs in.
        var signedIn = await SignIn.PostFormAsync(client, "/demo/account/login-2fa", "/demo/account/login-2fa", new() { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/account")).StatusCode);
    }
}

public sealed class PasskeyTestsOnSqlite(AppFixture fixture) : PasskeyTests(fixture.App), IClassFixture<AppFixture>;

public sealed class PasskeyTestsOnPostgres(PostgresAppFixture fixture) : PasskeyTests(fixture.App), IClassFixture<PostgresAppFixture>;
