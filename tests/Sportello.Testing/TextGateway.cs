using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sportello.Testing;

/// <summary>
/// A loopback SMS gateway speaking the platform's wire format (<c>POST { from, to, text }</c> with a bearer key):
/// keeps what it receives, and refuses with 503 while <see cref="Failing"/> is set.
/// </summary>
public sealed class TextGateway : IAsyncDisposable
{
    public const string ApiKey = "test-gateway-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string To, string Text, string From)> _received = new();

    private TextGateway(WebApplication app) => _app = app;

    public bool Failing { get; set; }
    public Uri Address { get; private set; } = null!;

    public static async Task<TextGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new TextGateway(app);
        app.MapPost("/messages", async (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
            {
                return Results.Unauthorized();
            }

            if (gateway.Failing)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            gateway._received.Enqueue((root.GetProperty("to").GetString()!, root.GetProperty("text").GetString()!, root.GetProperty("from").GetString()!));
            return Results.Accepted();
        });
        await app.StartAsync();
        gateway.Address = new Uri(new Uri(app.Urls.First()), "/messages");
        return gateway;
    }

    /// <summary>The settings that point the platform at this gateway.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sportello:TextMessages:Gateway"] = Address.ToString(),
        ["Sportello:TextMessages:ApiKey"] = ApiKey,
    };

    /// <summary>The six-digit code in the latest message to <paramref name="to"/>.</summary>
    public string LastCodeTo(string to) =>
        System.Text.RegularExpressions.Regex.Match(_received.Where(m => m.To == to).Select(m => m.Text).LastOrDefault()
            ?? throw new InvalidOperationException($"No message to {to}."), @"\b\d{6}\b").Value;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
