using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Hosting;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Security;

/// <summary>
/// Rate limits, counted per tenant and client address (the real client's, once proxies are configured):
/// every anonymous form post shares one generous budget, and the forms that guess or send (sign-in, sign-up,
/// password reset, second factor, e-mail change, feedback) add a tight one of their own with
/// <c>[EnableRateLimiting(RateLimits.Guarded)]</c>. A refused request answers 429 with Retry-After, which the
/// error pages turn into a friendly page (problem details under /api).
/// </summary>
public static class RateLimits
{
    public const string Guarded = "guarded";

    /// <summary>Reads that cost the server work on every keystroke (live validation), counted per client.</summary>
    public const string Lookups = "lookups";

    internal static void Add(IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)limits.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsAnonymousChange(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("forms|" + Client(context), _ => Window(limits.AnonymousPostsPerWindow, limits.Window))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.AddPolicy(Guarded, context =>
                IsRead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter("guarded|" + Client(context) + "|" + context.GetEndpoint()?.DisplayName, _ => Window(limits.GuardedPostsPerWindow, limits.Window)));
            o.AddPolicy(Lookups, context =>
                RateLimitPartition.GetFixedWindowLimiter("lookups|" + Client(context), _ => Window(limits.LookupsPerWindow, limits.Window)));
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool IsAnonymousChange(HttpContext context) =>
        !IsRead(context.Request.Method) && context.User.Identity?.IsAuthenticated != true;

    private static string Client(HttpContext context) =>
        $"{TenantContext.Current?.Name}|{context.Connection.RemoteIpAddress}";
}
