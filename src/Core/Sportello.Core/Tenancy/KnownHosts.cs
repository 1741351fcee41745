using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Host filtering that follows the catalog: a host is answered when a tenant claims it or it is the platform's own.
/// ASP.NET Core's AllowedHosts cannot do this, because tenants add hosts while the platform runs.
/// </summary>
public sealed class KnownHosts
{
    private readonly TenantRegistry _registry;
    private readonly HashSet<string> _platform = new(StringComparer.OrdinalIgnoreCase);

    public KnownHosts(TenantRegistry registry, IOptions<SportelloOptions> options, IHostEnvironment environment)
    {
        _registry = registry;
        var settings = options.Value;
        Enabled = settings.Hosts.RefuseUnknown ?? !environment.IsDevelopment();
        _platform.Add(new Uri(settings.PublicUrl).Host);
        foreach (var host in settings.Hosts.Allowed)
        {
            _platform.Add(TenantHosts.Normalize(host));
        }
    }

    public bool Enabled { get; }

    public bool IsKnown(string host, int? port) =>
        _platform.Contains(host) || (port is not null && _platform.Contains(host + ":" + port.Value)) || _registry.Table.ClaimsHost(host, port);
}
