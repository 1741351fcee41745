using System.Text;
using System.Text.Json;

namespace Sportello.Testing;

/// <summary>The antiforgery token a signed-in API client sends with every call that changes something.</summary>
public static class ApiToken
{
    public const string Header = "RequestVerificationToken";

    public static async Task<string> GetAsync(HttpClient client, string prefix) =>
        JsonDocument.Parse(await client.GetStringAsync($"{prefix}/api/antiforgery/token")).RootElement.GetProperty("token").GetString()!;

    /// <summary>Fetches the token once and sends it with every later request of <paramref name="client"/>.</summary>
    public static async Task AttachAsync(HttpClient client, string prefix) =>
        client.DefaultRequestHeaders.Add(Header, await GetAsync(client, prefix));

    public static HttpRequestMessage Json(HttpMethod method, string url, string? token, string json)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Add(Header, token);
        }

        return request;
    }
}
