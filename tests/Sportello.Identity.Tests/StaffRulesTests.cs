using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Tests;

/// <summary>
/// Nobody grants, invites into or acts on a role holding permissions they do not hold; the tenant always keeps an
/// active administrator; and what ends a user's rights ends their open sessions at once.
/// </summary>
public abstract partial class StaffRulesTests(AppFixture fixture)
{
    private const string Password = "Password-Di-Prova-1";

    [GeneratedRegex("action=\"([^\"]*handler=([A-Za-z]+)[^\"]*)\"")]
    private static partial Regex Action();

    private SportelloApp App => fixture.App;

    /// <summary>A confirmed user of the demo tenant with the given roles; a role that does not exist is created with <paramref name="permissions"/>.</summary>
    private async Task<(string Id, string Email)> UserAsync(string role, params string[] permissions)
    {
        var email = $"{Guid.NewGuid():N}@example.it";
        var id = await App.InTenantAsync("demo", async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<SportelloRole>>();
            if (!await roles.RoleExistsAsync(role))
            {
                await RoleSeeding.EnsureRoleAsync(roles, role, null, permissions);
            }

            var users = sp.GetRequiredService<UserManager<SportelloUser>>();
            var user = new SportelloUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Prova " + role };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, role);
            return user.Id;
        });
        return (id, email);
    }

    private async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", email, password);
        return client;
    }

    /// <summary>Posts a handler of a user's page as its form does; returns the page shown afterwards.</summary>
    private static async Task<string> ActAsync(HttpClient client, string userId, string handler, Dictionary<string, string>? fields = null, string query = "")
    {
        var page = $"/demo/admin/users/{userId}{query}";
        var html = await client.GetStringAsync(page);
        var action = Action().Matches(html).FirstOrDefault(m => m.Groups[2].Value == handler)?.Groups[1].Value ?? $"{page}?handler={handler}";
        var response = await SignIn.PostFormAsync(client, page, WebUtility.HtmlDecode(action), fields ?? []);
        var shown = response.StatusCode == HttpStatusCode.Redirect ? await client.GetStringAsync(response.Headers.Location!.OriginalString) : await response.Content.ReadAsStringAsync();
        return WebUtility.HtmlDecode(shown);
    }

    private async Task<bool> CanSignInAsync(string email) =>
        (await SignIn.PostLoginAsync(App.ClientFor(), "/demo", email, Password)).StatusCode == HttpStatusCode.Redirect;

    private Task<IList<string>> RolesOfAsync(string id) => App.InTenantAsync("demo", async sp =>
    {
        var users = sp.GetRequiredService<UserManager<SportelloUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    });

    [Fact]
    public async Task Who_manages_users_cannot_invite_an_administrator_nor_promote_anyone()
    {
        var (_, managerEmail) = await UserAsync("Gestione utenti", "admin.access", "users.manage");
        var manager = await SignedInAsync(managerEmail);

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/demo/admin/users"));
        Assert.DoesNotContain("<option value=\"Administrator\"", page);
        var invite = await SignIn.PostFormAsync(manager, "/demo/admin/users", "/demo/admin/users?handler=Invite", new()
        {
            ["InviteName"] = "Intruso", ["InviteEmail"] = "intruso@example.it", ["InviteRole"] = "Administrator",
        });
        Assert.Contains("Non puoi invitare come «Amministratore»", WebUtility.HtmlDecode(await invite.Content.ReadAsStringAsync()));
        Assert.Null(await App.InTenantAsync("demo", sp => sp.GetRequiredService<UserManager<SportelloUser>>().FindByEmailAsync("intruso@example.it")));

        var (customerId, _) = await UserAsync("Customer");
        var promoted = await ActAsync(manager, customerId, "Roles", new() { ["SelectedRoles"] = "Administrator" });
        Assert.Contains("danno permessi che tu non hai", promoted);
        Assert.Equal(["Customer"], await RolesOfAsync(customerId));
    }

    [Fact]
    public async Task Who_manages_users_cannot_lock_reset_or_delete_an_administrator()
    {
        var (_, managerEmail) = await UserAsync("Gestione utenti", "admin.access", "users.manage");
        var (adminId, adminEmail) = await UserAsync("Administrator");
        var manager = await SignedInAsync(managerEmail);

        foreach (var (handler, fields) in new[] { ("Lock", new Dictionary<string, string>()), ("ResetTwoFactor", new()), ("Delete", new() { ["ConfirmEmail"] = adminEmail }) })
        {
            var refused = await ActAsync(manager, adminId, handler, fields);
            Assert.Contains($"Non puoi modificare {adminEmail}: ha permessi che tu non hai", refused);
        }

        Assert.True(await CanSignInAsync(adminEmail));
    }

    [Fact]
    public async Task Who_manages_roles_cannot_give_a_role_permissions_they_do_not_hold()
    {
        // The manager holds what the modules grant Operators by default, so only users.manage is beyond them.
        var operatorGrants = await App.InTenantAsync("demo", async sp => (await sp.GetRequiredService<RoleGuard>().OfRoleAsync("Operator")).Order(StringComparer.Ordinal).ToList());
        Assert.DoesNotContain("users.manage", operatorGrants);
        var (_, email) = await UserAsync("Gestione ruoli", [.. operatorGrants, "roles.manage"]);
        var client = await SignedInAsync(email);
        var page = await client.GetStringAsync("/demo/admin/roles");
        var operatorRole = await App.InTenantAsync("demo", async sp => (await sp.GetRequiredService<RoleManager<SportelloRole>>().FindByNameAsync("Operator"))!.Id);
        var response = await client.PostAsync($"/demo/admin/roles?id={operatorRole}&handler=Permissions", new FormUrlEncodedContent(
        [
            new("granted", "admin.access"),
            new("granted", "users.manage"),
            new("__RequestVerificationToken", SignIn.AntiforgeryToken(page)),
        ]));
        Assert.Contains("riguarda permessi che tu non hai (users.manage)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(operatorGrants, await App.InTenantAsync("demo", async sp => (await sp.GetRequiredService<RoleGuard>().OfRoleAsync("Operator")).Order(StringComparer.Ordinal).ToList()));
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_locked_demoted_or_deleted()
    {
        // Someone who holds every permission may act on an administrator, but not on the last one.
        var all = await App.InTenantAsync("demo", sp => Task.FromResult(sp.GetRequiredService<RoleGuard>().All.ToArray()));
        var (_, supervisorEmail) = await UserAsync("Supervisione", all);
        var supervisor = await SignedInAsync(supervisorEmail);
        var admins = await App.InTenantAsync("demo", async sp => (await sp.GetRequiredService<UserManager<SportelloUser>>().GetUsersInRoleAsync("Administrator")).Select(u => u.Id).ToList());
        var lastId = Assert.Single(admins);

        Assert.Contains("è l'ultimo amministratore attivo", await ActAsync(supervisor, lastId, "Lock"));
        Assert.Contains("è l'ultimo amministratore attivo", await ActAsync(supervisor, lastId, "Roles", new() { ["SelectedRoles"] = "Customer" }));
        Assert.Contains("è l'ultimo amministratore attivo", await ActAsync(supervisor, lastId, "Delete", new() { ["ConfirmEmail"] = SignIn.DemoAdmin }));
        await SignIn.AsAsync(App.ClientFor(), "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);

        // With a second administrator, one of them may go; the other is then the last.
        var (secondId, secondEmail) = await UserAsync("Administrator");
        Assert.Contains("Utente bloccato", await ActAsync(supervisor, secondId, "Lock"));
        Assert.False(await CanSignInAsync(secondEmail));
        Assert.Contains("è l'ultimo amministratore attivo", await ActAsync(supervisor, lastId, "Lock"));
        Assert.Contains("Utente sbloccato", await ActAsync(supervisor, secondId, "Unlock"));
        Assert.Contains("Ruoli salvati", await ActAsync(supervisor, secondId, "Roles", new() { ["SelectedRoles"] = "Customer" }));
    }

    [Fact]
    public async Task Two_administrators_removed_at_the_same_moment_still_leave_one()
    {
        var all = await App.InTenantAsync("demo", sp => Task.FromResult(sp.GetRequiredService<RoleGuard>().All.ToArray()));
        var (_, aEmail) = await UserAsync("Supervisione", all);
        var (_, bEmail) = await UserAsync("Supervisione", all);
        var (firstId, _) = await UserAsync("Administrator");
        var (secondId, _) = await UserAsync("Administrator");
        var others = await App.InTenantAsync("demo", async sp => (await sp.GetRequiredService<UserManager<SportelloUser>>().GetUsersInRoleAsync("Administrator"))
            .Where(u => u.Id != firstId && u.Id != secondId).ToList());
        foreach (var other in others)
        {
            await App.InTenantAsync("demo", async sp => await sp.GetRequiredService<UserManager<SportelloUser>>().RemoveFromRoleAsync(
                (await sp.GetRequiredService<UserManager<SportelloUser>>().FindByIdAsync(other.Id))!, "Administrator"));
        }

        try
        {
            var a = await SignedInAsync(aEmail);
            var b = await SignedInAsync(bEmail);
            await Task.WhenAll(
                ActAsync(a, firstId, "Roles", new() { ["SelectedRoles"] = "Customer" }),
                ActAsync(b, secondId, "Roles", new() { ["SelectedRoles"] = "Customer" }));
            var left = await App.InTenantAsync("demo", async sp => (await sp.GetRequiredService<UserManager<SportelloUser>>().GetUsersInRoleAsync("Administrator")).Count);
            Assert.True(left >= 1, "both administrators were demoted at once");
        }
        finally
        {
            foreach (var other in others)
            {
                await App.InTenantAsync("demo", async sp => await sp.GetRequiredService<UserManager<SportelloUser>>().AddToRoleAsync(
                    (await sp.GetRequiredService<UserManager<SportelloUser>>().FindByIdAsync(other.Id))!, "Administrator"));
            }
        }
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_sessions_but_not_this_one()
    {
        var (_, email) = await UserAsync("Customer");
        var here = await SignedInAsync(email);
        var elsewhere = await SignedInAsync(email);

        var page = await here.GetStringAsync("/demo/account/password");
        var changed = await here.PostAsync("/demo/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Current"] = Password, ["Password"] = "Un-Altra-Password-2", ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Contains("La password è stata cambiata.", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/demo/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/demo/account")).StatusCode);
    }

    [Fact]
    public async Task A_change_of_roles_ends_the_users_sessions_at_once()
    {
        var (operatorId, operatorEmail) = await UserAsync("Operator");
        var operatorClient = await SignedInAsync(operatorEmail);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/demo/admin")).StatusCode);

        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        Assert.Contains("Ruoli salvati", await ActAsync(admin, operatorId, "Roles", new() { ["SelectedRoles"] = "Customer" }));
        var after = await operatorClient.GetAsync("/demo/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }
}

public sealed class StaffRulesTestsOnSqlite(AppFixture fixture) : StaffRulesTests(fixture), IClassFixture<AppFixture>;

public sealed class StaffRulesTestsOnPostgres(StaffRulesTestsOnPostgres.Fixture fixture) : StaffRulesTests(fixture), IClassFixture<StaffRulesTestsOnPostgres.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        protected override StoreKind Kind => StoreKind.Postgres;
    }
}
