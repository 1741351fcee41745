using System.Net.Http.Json;
using System.Text.Json;

namespace Sportello.Tenants.Tests;

/// <summary>The platform administrator's side of /api/tenants, signed in through the real login form.</summary>
public sealed class TenantApi(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<TenantApi> SignInAsync(SportelloApp app)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        await ApiToken.AttachAsync(client, "");
        return new TenantApi(client);
    }

    public Task<HttpResponseMessage> CreateAsync(object request) => Client.PostAsJsonAsync("/api/tenants", request);

    public Task<HttpResponseMessage> ModulesAsync(string tenant, string[]? enable = null, string[]? disable = null) =>
        Client.PostAsJsonAsync($"/api/tenants/{tenant}/modules", new { enable, disable });

    public Task<HttpResponseMessage> SuspendAsync(string tenant) => Client.PostAsync($"/api/tenants/{tenant}/suspend", null);

    public Task<HttpResponseMessage> RemoveAsync(string tenant, string? confirm) =>
        Client.DeleteAsync($"/api/tenants/{tenant}" + (confirm is null ? "" : $"?confirm={Uri.EscapeDataString(confirm)}"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The messages a validation problem lists for <paramref name="field"/>.</summary>
    public static async Task<string> ErrorsForAsync(HttpResponseMessage response, string field)
    {
        var json = await JsonAsync(response);
        return json.GetProperty("errors").TryGetProperty(field, out var messages)
            ? string.Join(" | ", messages.EnumerateArray().Select(m => m.GetString()))
            : throw new Xunit.Sdk.XunitException($"No error for '{field}' in {json}");
    }
}
