using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;

namespace Sportello.Bench.TenantScale;

/// <summary>
/// What checking the security stamp on every signed-in request costs: a signed-in customer's profile page (not
/// cached, one user lookup of its own) under load, with the check on (as shipped) and off (the baseline), on the same
/// tenants.
/// </summary>
internal static partial class SessionCheckCost
{
    private const string Email = "bench@example.it";
    private const string Password = "Password-Di-Prova-1";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public sealed record Result(LoadResult Checked, LoadResult Unchecked);

    public static async Task<Result> RunAsync(string appData, int port, int seconds, int connections, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var tenant = Provisioning.TenantName(0);
        await using (var app = BenchHost.Build(appData, port: null, settings))
        {
            await app.StartAsync();
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(app.Services.GetRequiredService<TenantRegistry>().Find(tenant)!);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SportelloUser>>();
            if (await users.FindByEmailAsync(Email) is null)
            {
                await users.CreateAsync(new SportelloUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Cliente di prova" }, Password);
            }

            await app.StopAsync();
        }

        // Both hosts run side by side and are measured in alternating rounds, so neither gains from going second
        // (warmer disk cache, a settled CPU clock); the median round of each is reported.
        var all = settings ?? new Dictionary<string, string?>();
        await using var on = await ChildHost.StartAsync(appData, port, With(all, check: true));
        await using var off = await ChildHost.StartAsync(appData, port + 1, With(all, check: false));
        var path = $"/{tenant}/account";
        await Load.FixedPathAsync(on.Port, path, 2, connections, await SignInAsync(on.Port, tenant));
        await Load.FixedPathAsync(off.Port, path, 2, connections, await SignInAsync(off.Port, tenant));
        var checkedRounds = new List<LoadResult>();
        var uncheckedRounds = new List<LoadResult>();
        for (var round = 0; round < Rounds; round++)
        {
            // A fresh sign-in per round: wrk replays one cookie and ignores renewals, and a cookie older than the
            // claims-refresh interval (a minute) would be revalidated on every request, which a browser never sees.
            uncheckedRounds.Add(await Load.FixedPathAsync(off.Port, path, seconds, connections, await SignInAsync(off.Port, tenant)));
            checkedRounds.Add(await Load.FixedPathAsync(on.Port, path, seconds, connections, await SignInAsync(on.Port, tenant)));
        }

        return new Result(Median(checkedRounds), Median(uncheckedRounds));
    }

    private const int Rounds = 3;

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> settings, bool check) =>
        new(settings) { ["Sportello:Identity:CheckEveryRequest"] = check ? "true" : "false" };

    private static LoadResult Median(List<LoadResult> rounds) =>
        rounds.OrderBy(r => r.RequestsPerSecond).ElementAt(rounds.Count / 2);

    private static async Task<string> SignInAsync(int port, string tenant)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var page = await client.GetStringAsync($"/{tenant}/account/login");
        var response = await client.PostAsync($"/{tenant}/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Email, ["Password"] = Password, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in for the session benchmark answered {(int)response.StatusCode}.");
        }

        // The sign-in cookie's path is the tenant's prefix: ask for the cookies of a page under it.
        var profile = new Uri(client.BaseAddress!, $"/{tenant}/account");
        var cookie = cookies.GetCookieHeader(profile);
        using var check = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, profile) { Headers = { { "Cookie", cookie } } };
        using var answer = await check.SendAsync(request);
        if (answer.StatusCode != HttpStatusCode.OK || !(await answer.Content.ReadAsStringAsync()).Contains(Email, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The profile page answered {(int)answer.StatusCode} with the session benchmark's cookie, not the signed-in page.");
        }

        return cookie;
    }
}
