using System.Net;
using System.Text.RegularExpressions;

namespace Sportello.Testing;

/// <summary>Signs in through the real login form, antiforgery token included, as a browser would.</summary>
public static partial class SignIn
{
    public const string PlatformAdmin = "admin@sportello.example";
    public const string PlatformPassword = "Piattaforma-Demo-2026";
    public const string DemoAdmin = "admin@fiducia-demo.example";
    public const string DemoAdminPassword = "Rivenditore-Demo-2026";
    public const string DemoCustomer = "cliente@fiducia-demo.example";
    public const string DemoCustomerPassword = "Cliente-Demo-2026";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token in the page.");

    /// <summary>Opens <paramref name="page"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>, as its form would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AntiforgeryToken(await client.GetStringAsync(page));
        return await client.PostAsync(WebUtility.HtmlDecode(action), new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts the login form of the tenant at <paramref name="prefix"/> ("" for the root); returns the response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string prefix, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync($"{prefix}/account/login");
        var form = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
        };
        if (returnUrl is not null)
        {
            form["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync($"{prefix}/account/login", new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in and fails the test unless the login redirected (success).</summary>
    public static async Task AsAsync(HttpClient client, string prefix, string email, string password)
    {
        var response = await PostLoginAsync(client, prefix, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} at '{prefix}' answered {(int)response.StatusCode}.");
        }
    }
}
