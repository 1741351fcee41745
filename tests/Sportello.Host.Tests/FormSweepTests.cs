using System.Net;
using System.Text.RegularExpressions;

namespace Sportello.Host.Tests;

/// <summary>
/// Every page of every module (found in the routing table) is opened as a visitor, a customer and an administrator,
/// with a forged Host header, and every form on it is posted empty: no answer is a 500, none names the forged host,
/// a post without the antiforgery token is refused, and no page carries inline script or style.
/// </summary>
public sealed partial class FormSweepTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string ForgedHost = "attacker.example";

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("<(input|select|textarea|button)\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Control();

    [GeneratedRegex("([a-zA-Z-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\s(on[a-z]+|style)=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAttribute();

    private SportelloApp App => fixture.App;

    private sealed record Visitor(string Tenant, string Prefix, string? Email, string? Password)
    {
        public override string ToString() => $"{Email ?? "visitor"} at {Tenant}";
    }

    private static readonly Visitor[] Visitors =
    [
        new("demo", "/demo", null, null),
        new("demo", "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword),
        new("demo", "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword),
        new("default", "", SignIn.PlatformAdmin, SignIn.PlatformPassword),
    ];

    private async Task<HttpClient> ClientAsync(Visitor visitor)
    {
        var client = App.ClientFor(ForgedHost);
        if (visitor.Email is not null)
        {
            await SignIn.AsAsync(client, visitor.Prefix, visitor.Email, visitor.Password!);
        }

        return client;
    }

    [Fact]
    public async Task Every_form_of_every_page_posted_empty_answers_without_a_500()
    {
        var failures = new List<string>();
        var posted = 0;
        foreach (var visitor in Visitors)
        {
            var client = await ClientAsync(visitor);
            foreach (var pattern in PageRoutes.Patterns(App))
            {
                var page = visitor.Prefix + await PageRoutes.AddressAsync(App, visitor.Tenant, pattern);
                var response = await client.GetAsync(page);
                var html = await response.Content.ReadAsStringAsync();
                Check(failures, visitor, "GET " + page, response, html);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                foreach (var (action, fields) in Forms(html, page))
                {
                    if (action.Contains("/account/logout", StringComparison.Ordinal))
                    {
                        continue; // would end the session the rest of the sweep needs
                    }

                    var emptied = await client.PostAsync(action, new FormUrlEncodedContent(fields));
                    Check(failures, visitor, "POST " + action, emptied, await emptied.Content.ReadAsStringAsync());
                    posted++;

                    var withoutToken = await App.ClientFor(ForgedHost).PostAsync(action, new FormUrlEncodedContent(fields.Where(f => f.Key != "__RequestVerificationToken")));
                    if (visitor.Email is not null && withoutToken.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Redirect or HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests))
                    {
                        failures.Add($"{visitor}: POST {action} without a token answered {(int)withoutToken.StatusCode}");
                    }
                }

                if (response.Headers.Location is null && (await client.GetAsync(visitor.Prefix + "/account")).StatusCode == HttpStatusCode.Redirect && visitor.Email is not null)
                {
                    client = await ClientAsync(visitor); // a form (a password change, say) ended the session: sign in again
                }
            }
        }

        Assert.True(posted > 40, $"only {posted} forms were posted: the sweep did not reach the pages");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var pickup = Path.Combine(App.AppData, "mail-pickup");
        foreach (var folder in Directory.Exists(pickup) ? Directory.GetDirectories(pickup) : [])
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                Assert.DoesNotContain(ForgedHost, await File.ReadAllTextAsync(file));
            }
        }
    }

    private void Check(List<string> failures, Visitor visitor, string what, HttpResponseMessage response, string html)
    {
        if ((int)response.StatusCode >= 500)
        {
            var error = App.Logs.Lines.LastOrDefault(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error)?.Message;
            failures.Add($"{visitor}: {what} answered {(int)response.StatusCode}: {error?.Split('\n').Take(3).Aggregate((a, b) => a + " | " + b)}");
        }

        if (html.Contains(ForgedHost, StringComparison.OrdinalIgnoreCase) || response.Headers.Location?.OriginalString.Contains(ForgedHost, StringComparison.OrdinalIgnoreCase) == true)
        {
            failures.Add($"{visitor}: {what} repeats the forged host");
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/html" && !response.Headers.Contains("Content-Security-Policy"))
        {
            failures.Add($"{visitor}: {what} has no content security policy");
        }

        var ownPolicy = response.Headers.TryGetValues("Content-Security-Policy", out var policies) && policies.Single().StartsWith("sandbox", StringComparison.Ordinal);
        if (!ownPolicy && (InlineScript().IsMatch(html) || InlineAttribute().IsMatch(html)))
        {
            failures.Add($"{visitor}: {what} carries inline script or style: {InlineScript().Match(html).Value}{InlineAttribute().Match(html).Value}");
        }
    }

    /// <summary>Each post a page's forms can make (a form's action, and each button's formaction), with hidden fields kept and the rest empty.</summary>
    private static IEnumerable<(string Action, List<KeyValuePair<string, string>> Fields)> Forms(string html, string page)
    {
        foreach (Match form in Form().Matches(html))
        {
            var attributes = Attributes(form.Groups[1].Value);
            if (!attributes.TryGetValue("method", out var method) || !method.Equals("post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = new List<KeyValuePair<string, string>>();
            var actions = new List<string> { attributes.TryGetValue("action", out var action) && action.Length > 0 ? action : page };
            foreach (Match control in Control().Matches(form.Groups[2].Value))
            {
                var a = Attributes(control.Groups[2].Value);
                if (control.Groups[1].Value.Equals("button", StringComparison.OrdinalIgnoreCase))
                {
                    if (a.TryGetValue("formaction", out var formAction))
                    {
                        actions.Add(formAction);
                    }

                    continue;
                }

                if (a.TryGetValue("name", out var name))
                {
                    fields.Add(new(name, a.GetValueOrDefault("type") == "hidden" ? a.GetValueOrDefault("value", string.Empty) : string.Empty));
                }
            }

            foreach (var target in actions.Distinct())
            {
                yield return (WebUtility.HtmlDecode(target), fields);
            }
        }
    }

    private static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).GroupBy(m => m.Groups[1].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value), StringComparer.Ordinal);
}
