using System.Net;

namespace Sportello.Identity.Tests;

public abstract partial class SignInTests(StoreKind kind) : ProviderTests(kind)
{
    [System.Text.RegularExpressions.GeneratedRegex("<p class=\"alert\" role=\"alert\">([^<]*)</p>")]
    private static partial System.Text.RegularExpressions.Regex Alert();

    [Fact]
    public async Task A_user_signs_in_with_a_cookie_of_the_tenant_and_sees_their_profile()
    {
        var client = App.ClientFor();
        var response = await SignIn.PostLoginAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/demo/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".sportello.auth.demo=", StringComparison.Ordinal));
        Assert.Contains("path=/demo", cookie);
        Assert.Contains("httponly", cookie);

        var profile = WebUtility.HtmlDecode(await client.GetStringAsync("/demo/account"));
        Assert.Contains("Marco Esposito", profile);
        Assert.Contains("Cliente", profile);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var wrong = await SignIn.PostLoginAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, "password-sbagliata");
        var unknown = await SignIn.PostLoginAsync(App.ClientFor(), "/demo", "nessuno@fiducia-demo.example", "password-sbagliata");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var wrongHtml = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        var unknownHtml = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("E-mail o password non corretti.", wrongHtml);
        Assert.Contains("E-mail o password non corretti.", unknownHtml);
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".sportello.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Repeated_failures_stop_that_client_even_against_the_right_password_but_not_the_owner_elsewhere()
    {
        const string guesser = "203.0.113.9";
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostLoginAsync(App.ClientFor(address: guesser), "/demo", SignIn.DemoCustomer, "password-sbagliata");
        }

        var blocked = await SignIn.PostLoginAsync(App.ClientFor(address: guesser), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Contains("Troppi tentativi non riusciti da questo dispositivo", WebUtility.HtmlDecode(await blocked.Content.ReadAsStringAsync()));

        // The owner, from their own address, is not locked out by a stranger's guesses.
        await SignIn.AsAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
    }

    [Fact]
    public async Task Choosing_a_new_password_lifts_the_pause_at_once()
    {
        const string device = "203.0.113.23";
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostLoginAsync(App.ClientFor(address: device), "/demo", SignIn.DemoCustomer, "password-sbagliata");
        }

        await App.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sportello.Identity.Data.SportelloUser>>();
            var user = (await users.FindByEmailAsync(SignIn.DemoCustomer))!;
            return await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "Password-Nuova-42");
        });
        await SignIn.AsAsync(App.ClientFor(address: device), "/demo", SignIn.DemoCustomer, "Password-Nuova-42");
    }

    [Fact]
    public async Task Unknown_and_unconfirmed_addresses_are_throttled_the_same_way_so_the_answer_reveals_nothing()
    {
        await App.InTenantAsync("demo", async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sportello.Identity.Data.SportelloUser>>();
            return await users.CreateAsync(new Sportello.Identity.Data.SportelloUser { UserName = "nuova@example.it", Email = "nuova@example.it", DisplayName = "Nuova" }, "Password-Sicura-7");
        });
        var answers = new List<string>();
        foreach (var (email, client) in new[] { ("nessuno@example.it", "198.51.100.4"), ("nuova@example.it", "198.51.100.5") })
        {
            for (var i = 0; i < 5; i++)
            {
                var wrong = await SignIn.PostLoginAsync(App.ClientFor(address: client), "/demo", email, "password-sbagliata");
                Assert.Contains("E-mail o password non corretti.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
            }

            var sixth = await SignIn.PostLoginAsync(App.ClientFor(address: client), "/demo", email, "Password-Sicura-7");
            answers.Add(Alert().Match(WebUtility.HtmlDecode(await sixth.Content.ReadAsStringAsync())).Groups[1].Value);
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Contains("Troppi tentativi", answers[0]);
    }

    [Fact]
    public async Task Sixty_rapid_sign_in_posts_from_one_client_meet_a_429_with_a_friendly_page()
    {
        var client = App.ClientFor();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 60; i++)
        {
            var response = await SignIn.PostLoginAsync(client, "/demo", $"prova{i}@example.it", "password-sbagliata");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains("Troppe richieste", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("Fiducia Digitale Demo", await refused.Content.ReadAsStringAsync());
        // Another visitor is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await App.ClientFor().PostAsync("/demo/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = SignIn.DemoCustomer,
            ["Password"] = SignIn.DemoCustomerPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_site_goes_home_instead(string returnUrl)
    {
        var response = await SignIn.PostLoginAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/demo/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed()
    {
        var response = await SignIn.PostLoginAsync(App.ClientFor(), "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword, "/demo/account");
        Assert.Equal("/demo/account", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_user_of_one_tenant_cannot_sign_in_to_another()
    {
        var response = await SignIn.PostLoginAsync(App.ClientFor(), "", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail o password non corretti.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_cookie_issued_by_one_tenant_is_rejected_by_another_even_for_the_same_person()
    {
        // The same address and password in both tenants: two different users.
        await App.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [
              { "email": "{{SignIn.DemoCustomer}}", "password": "{{SignIn.DemoCustomerPassword}}", "roles": ["Administrator"] } ] } ] }
            """, "default");
        var demo = App.ClientFor();
        var login = await SignIn.PostLoginAsync(demo, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var value = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".sportello.auth.demo=", StringComparison.Ordinal))
            .Split(';')[0].Split('=', 2)[1];

        // Replay the demo tenant's ticket on the Default tenant under the Default tenant's own cookie name.
        var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", $".sportello.auth.default={value}");
        var replay = await App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), replay.Headers.Location!).PathAndQuery);

        // The same ticket is fine where it was issued.
        var own = new HttpRequestMessage(HttpMethod.Get, "/demo/account");
        own.Headers.Add("Cookie", $".sportello.auth.demo={value}");
        var ok = await App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var page = await client.GetStringAsync("/demo/account/logout");
        var response = await client.PostAsync("/demo/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var profile = await client.GetAsync("/demo/account");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
    }

    [Fact]
    public async Task The_back_office_needs_the_admin_permission()
    {
        var customer = App.ClientFor();
        await SignIn.AsAsync(customer, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        var denied = await customer.GetAsync("/demo/admin");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/demo/account/access-denied", new Uri(customer.BaseAddress!, denied.Headers.Location!).PathAndQuery);

        var admin = App.ClientFor();
        await SignIn.AsAsync(admin, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var dashboard = WebUtility.HtmlDecode(await admin.GetStringAsync("/demo/admin"));
        Assert.Contains("Pannello di Fiducia Digitale Demo", dashboard);
        Assert.Contains("Utenti e accessi", dashboard);
    }

    [Fact]
    public async Task The_users_step_is_idempotent_and_keeps_a_changed_password()
    {
        var version = App.Registry.Find("demo")!.Settings.Version;
        await App.RunRecipeFileAsync(Path.Combine(Sportello.Core.Recipes.RecipeFolder.Resolve("recipes"), "reseller-demo.recipe.json"));
        Assert.Equal(version, App.Registry.Find("demo")!.Settings.Version);
        await SignIn.AsAsync(App.ClientFor(), "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
    }

    [Fact]
    public async Task A_recipe_user_with_an_unknown_role_or_bad_email_is_refused_before_anything_runs()
    {
        var ex = await Assert.ThrowsAsync<Sportello.Core.Recipes.RecipeException>(() => App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [
              { "email": "non-una-mail", "password": "Una-Password-Lunga-1", "roles": ["Capo"] },
              { "email": "ok@example.it", "password": "corta", "roles": [] },
              { "email": "ok2@example.it", "password": "senzanumeriqui", "roles": [] } ] } ] }
            """, "demo"));
        var paths = ex.Problems.Select(p => p.Path).ToList();
        Assert.Contains("$.steps[0].users[0].email", paths);
        Assert.Contains("$.steps[0].users[0].roles[0]", paths);
        Assert.Contains("$.steps[0].users[1].password", paths);
        Assert.Contains(ex.Problems, p => p.Path == "$.steps[0].users[2].password" && p.Message.Contains("cifra"));
    }

    [Fact]
    public async Task An_undefined_recipe_variable_is_reported_with_its_path()
    {
        var ex = await Assert.ThrowsAsync<Sportello.Core.Recipes.RecipeException>(() => App.RunRecipeAsync("""
            { "name": "t", "steps": [ { "step": "users", "users": [ { "email": "a@example.it", "password": "{{ segreto }}" } ] } ] }
            """, "demo"));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("$.steps[0].users[0].password", problem.Path);
        Assert.Contains("segreto", problem.Message);
    }
}

public sealed class SignInTestsOnSqlite() : SignInTests(StoreKind.Sqlite);

public sealed class SignInTestsOnPostgres() : SignInTests(StoreKind.Postgres);
