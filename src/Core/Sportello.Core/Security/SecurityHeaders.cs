using Microsoft.AspNetCore.Http;

namespace Sportello.Core.Security;

/// <summary>
/// The headers every answer carries, pages and APIs, kernel pages and errors alike: a content security policy
/// without inline script (scripts and styles come from files of this site), no framing by anyone, no MIME sniffing,
/// a cautious referrer, no powerful browser features. Set as the answer starts, so an endpoint that needs a policy
/// of its own (a sandboxed preview) sets it and keeps it.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.TryAdd("Content-Security-Policy", Policy);
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
            headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
