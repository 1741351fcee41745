using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Sportello.Core.Hosting;

/// <summary>
/// X-Forwarded-For, -Proto and -Host, believed only when they come from a configured proxy: otherwise any client
/// could claim another address (and escape its rate limit) or another scheme.
/// </summary>
internal static class ProxyHeaders
{
    public static ForwardedHeadersOptions For(ProxyOptions proxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            // Only trusted hops are unwrapped, so a chain of known proxies may be as long as it is.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Sportello:Proxies:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Sportello:Proxies:KnownNetworks: '{network}' is not a network such as 10.0.0.0/24."));
        }

        return options;
    }
}
