using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sportello.Tenants;

/// <summary>
/// Until sign-in and permissions exist, the platform's tenant list is shown only in Development and only to
/// requests from this machine (an in-process test server has no remote address and counts as local). Behind a
/// reverse proxy every request looks local, hence the Development condition. Anyone else gets a 404.
/// </summary>
internal static class LocalRequests
{
    public static bool IsAllowed(HttpContext context) =>
        context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment()
        && (context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote));
}
