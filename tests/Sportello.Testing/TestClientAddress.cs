using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Sportello.Testing;

/// <summary>
/// The in-memory test server has no client address. Each test client names one in a header, so the host sees
/// distinct visitors as a real server would (rate limits, sign-in throttling, audit), and a test can be one
/// visitor across several clients, or a proxy.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    public static string Random() => $"10.{System.Random.Shared.Next(1, 255)}.{System.Random.Shared.Next(0, 255)}.{System.Random.Shared.Next(1, 255)}";
}
