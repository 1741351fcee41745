using System.Net;
using Microsoft.AspNetCore.Identity;
using Sportello.Identity.Data;

namespace Sportello.Identity.Tests;

/// <summary>
/// A password an operator sets for a customer (typed twice, the tenant's policy): the customer's sessions end, no
/// e-mail goes out, and the customer chooses their own password before anything else at the next sign-in.
/// </summary>
public abstract class OperatorPasswordTests(SportelloApp app)
{
    private const string Original = "Cliente-Originale-2026";

    private async Task<(string Email, string UserId)> CustomerAsync()
    {
        var email = $"cliente-{Guid.NewGuid().ToString("N")[..10]}@example.it";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "{{email}}", "displayName": "Cliente Prova", "password": "{{Original}}", "roles": ["Customer"] } ] } ] }
            """, "demo");
        var id = await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<UserManager<SportelloUser>>().FindByEmailAsync(email))!.Id);
        return (email, id);
    }

    private Task<IReadOnlyList<string>> SetAsync(string userId, string? password, string? confirmation) =>
        app.InTenantAsync("demo", sp => sp.GetRequiredService<ICustomerAccounts>().SetPasswordAsync(userId, password, confirmation));

    [Fact]
    public async Task Passwords_that_differ_or_break_the_policy_are_refused_with_the_reason_and_nothing_changes()
    {
        var (email, id) = await CustomerAsync();
        Assert.Contains("non coincidono", Assert.Single(await SetAsync(id, "Nuova-Password-2026", "Nuova-Password-2027")));
        Assert.NotEmpty(await SetAsync(id, "corta", "corta"));
        Assert.Contains(await SetAsync(Guid.NewGuid().ToString(), "Nuova-Password-2026", "Nuova-Password-2026"), e => e.Contains("non esiste"));

        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, Original); // the old password still works
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/account")).StatusCode);
    }

    [Fact]
    public async Task A_set_password_ends_the_sessions_sends_nothing_and_is_changed_at_the_next_sign_in()
    {
        var (email, id) = await CustomerAsync();
        var open = app.ClientFor();
        await SignIn.AsAsync(open, "/demo", email, Original);
        var mails = Mailbox.Pickup(app, "demo", email).Count;

        Assert.Empty(await SetAsync(id, "Provvisoria-Operatore-2026", "Provvisoria-Operatore-2026"));
        Assert.Contains("/account/login", (await open.GetAsync("/demo/account")).Headers.Location!.OriginalString);
        Assert.Equal(mails, Mailbox.Pickup(app, "demo", email).Count);

        // Signed in with it, every page leads to choosing one's own password; signing out stays possible.
        var customer = app.ClientFor();
        await SignIn.AsAsync(customer, "/demo", email, "Provvisoria-Operatore-2026");
        var forced = await customer.GetAsync("/demo/area");
        Assert.StartsWith("/demo/account/password?returnUrl=", forced.Headers.Location!.OriginalString);
        Assert.Contains("impostata da un operatore", WebUtility.HtmlDecode(await customer.GetStringAsync("/demo/account/password")));
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/demo/account/logout")).StatusCode);

        var changed = await SignIn.PostFormAsync(customer, "/demo/account/password", "/demo/account/password", new()
        {
            ["Current"] = "Provvisoria-Operatore-2026", ["Password"] = "Scelta-Dal-Cliente-2026", ["ReturnUrl"] = "/demo/area",
        });
        Assert.Equal("/demo/area", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/demo/account")).StatusCode);
        Assert.False(await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<UserManager<SportelloUser>>().FindByIdAsync(id))!.MustChangePassword));
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_loses_its_sessions_and_comes_back_when_reactivated()
    {
        var (email, id) = await CustomerAsync();
        var open = app.ClientFor();
        await SignIn.AsAsync(open, "/demo", email, Original);
        Task<bool> ActiveAsync(bool active) => app.InTenantAsync("demo", sp => sp.GetRequiredService<ICustomerAccounts>().SetActiveAsync(id, active));

        Assert.False(await ActiveAsync(true)); // already active: nothing to do
        Assert.True(await ActiveAsync(false));
        Assert.Contains("/account/login", (await open.GetAsync("/demo/account")).Headers.Location!.OriginalString);
        var refused = await SignIn.PostLoginAsync(app.ClientFor(), "/demo", email, Original);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Il tuo accesso è stato sospeso", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var wrong = await SignIn.PostLoginAsync(app.ClientFor(), "/demo", email, "Non-La-Password-2026");
        Assert.DoesNotContain("sospeso", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync())); // nothing told to who lacks the password

        Assert.True(await ActiveAsync(true));
        await SignIn.AsAsync(app.ClientFor(), "/demo", email, Original);

        // Staff are not deactivated from here.
        var adminId = await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<UserManager<SportelloUser>>().FindByEmailAsync(SignIn.DemoAdmin))!.Id);
        Assert.False(await app.InTenantAsync("demo", sp => sp.GetRequiredService<ICustomerAccounts>().SetActiveAsync(adminId, false)));
    }

    [Fact]
    public async Task With_the_setting_off_the_customer_keeps_the_password_the_operator_set()
    {
        var (email, id) = await CustomerAsync();
        await app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "settings", "modules": { "identity": { "allowSignUp": true, "changePasswordAfterOperatorReset": false } } } ] }""", "demo");
        try
        {
            Assert.Empty(await SetAsync(id, "Provvisoria-Operatore-2026", "Provvisoria-Operatore-2026"));
            var customer = app.ClientFor();
            await SignIn.AsAsync(customer, "/demo", email, "Provvisoria-Operatore-2026");
            Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/demo/account")).StatusCode);
        }
        finally
        {
            await app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "settings", "modules": { "identity": { "allowSignUp": true, "changePasswordAfterOperatorReset": true } } } ] }""", "demo");
        }
    }
}

public sealed class OperatorPasswordTestsOnSqlite(AppFixture fixture) : OperatorPasswordTests(fixture.App), IClassFixture<AppFixture>;

public sealed class OperatorPasswordTestsOnPostgres(PostgresAppFixture fixture) : OperatorPasswordTests(fixture.App), IClassFixture<PostgresAppFixture>;
