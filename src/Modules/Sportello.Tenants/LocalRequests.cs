using System.Net;
using Microsoft.AspNetCore.Http;

namespace Sportello.Tenants;

/// <summary>
/// Until sign-in and permissions exist, the platform's tenant list is answered only to requests from this machine
/// (an in-process test server has no remote address and counts as local). Anyone else gets a 404.
/// </summary>
internal static class LocalRequests
{
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);
}
