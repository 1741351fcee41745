using System.Collections.Frozen;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;

namespace Sportello.Core.Tenancy;

/// <summary>
/// First path segments the platform answers itself, which no tenant prefix may take: a tenant at /account would
/// hide every tenant's sign-in page there. They are read from the routing table, so every page and API of every
/// module (and of modules to come) is covered without a list to keep up to date.
/// </summary>
public sealed class ReservedPaths(EndpointDataSource endpoints, IHostApplicationLifetime lifetime, IOptions<SportelloOptions> options)
{
    // Paths the kernel answers before routing, the customer area the product modules share, and the main ones
    // for recipes run while the host starts, before every page has joined the routing table.
    private static readonly string[] Always = ["health", "error", "area", "account", "admin", "api", "help", "_content", "_framework"];

    private FrozenSet<string>? _segments;

    // Kept once the host has started: from then on the routing table is complete.
    public IReadOnlySet<string> Segments => _segments ?? (lifetime.ApplicationStarted.IsCancellationRequested ? _segments = Build() : Build());

    public bool IsReserved(string segment) => Segments.Contains(segment);

    private FrozenSet<string> Build() =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments.FirstOrDefault()?.Parts is [RoutePatternLiteralPart literal] ? literal.Content : null)
            .OfType<string>()
            .Concat(Always)
            .Concat(options.Value.TenantlessPaths.Select(p => p.Trim('/').Split('/')[0]))
            .Where(s => s.Length > 0)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
