using System.Collections.Frozen;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Immutable host/prefix → tenant lookup, built once per catalog change. Rules in order:
/// host+prefix, host, prefix, wildcard host (+prefix), then the Default tenant when it claims no host.
/// Hosts are tried with their port first ("localhost:5001"), then without.
/// </summary>
public sealed class TenantResolutionTable
{
    private readonly FrozenDictionary<string, Tenant> _hostAndPrefix;
    private readonly FrozenDictionary<string, Tenant> _hostOnly;
    private readonly FrozenDictionary<string, Tenant> _prefixOnly;
    private readonly (string Suffix, string? Prefix, Tenant Tenant)[] _wildcards;
    private readonly FrozenSet<string> _claimedHosts;
    private readonly Tenant? _fallback;

    public TenantResolutionTable(IEnumerable<Tenant> tenants)
    {
        var hostAndPrefix = new Dictionary<string, Tenant>(StringComparer.OrdinalIgnoreCase);
        var hostOnly = new Dictionary<string, Tenant>(StringComparer.OrdinalIgnoreCase);
        var prefixOnly = new Dictionary<string, Tenant>(StringComparer.OrdinalIgnoreCase);
        var wildcards = new List<(string, string?, Tenant)>();
        var claimedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var tenant in tenants)
        {
            var settings = tenant.Settings;
            var prefix = string.IsNullOrEmpty(settings.Prefix) ? null : settings.Prefix;
            if (settings.Hosts.Count == 0)
            {
                if (prefix is not null)
                {
                    prefixOnly.TryAdd(prefix, tenant);
                }
                else if (settings.IsDefault)
                {
                    _fallback = tenant;
                }

                continue;
            }

            foreach (var host in settings.Hosts)
            {
                if (TenantHosts.IsWildcard(host))
                {
                    wildcards.Add((host[1..], prefix, tenant));
                    continue;
                }

                claimedHosts.Add(host);
                if (prefix is not null)
                {
                    hostAndPrefix.TryAdd(host + "/" + prefix, tenant);
                }
                else
                {
                    hostOnly.TryAdd(host, tenant);
                }
            }
        }

        _hostAndPrefix = hostAndPrefix.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _hostOnly = hostOnly.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _prefixOnly = prefixOnly.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _claimedHosts = claimedHosts.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        // Longest suffix first, and a rule with a prefix before the same suffix without one.
        _wildcards = wildcards
            .OrderByDescending(w => w.Item1.Length)
            .ThenBy(w => w.Item2 is null)
            .ToArray();
    }

    /// <summary>Whether some tenant claims this host, by name (with or without the port) or by a wildcard.</summary>
    public bool ClaimsHost(string host, int? port)
    {
        var hostWithPort = port is null ? null : host + ":" + port.Value;
        return _claimedHosts.Contains(host)
            || (hostWithPort is not null && _claimedHosts.Contains(hostWithPort))
            || _wildcards.Any(w => MatchesWildcard(w.Suffix, host, hostWithPort));
    }

    private static bool MatchesWildcard(string suffix, string host, string? hostWithPort) =>
        host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && host.Length > suffix.Length
        || hostWithPort is not null && hostWithPort.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && hostWithPort.Length > suffix.Length;

    /// <param name="host">The request's host without port, e.g. "demo.example.it".</param>
    /// <param name="port">The request's port when the Host header names one.</param>
    /// <param name="firstSegment">The first segment of the request path, without slashes; empty when none.</param>
    public TenantMatch? Resolve(string host, int? port, ReadOnlySpan<char> firstSegment)
    {
        var hostWithPort = port is null ? null : host + ":" + port.Value;
        var segment = firstSegment.IsEmpty ? null : firstSegment.ToString();

        if (segment is not null)
        {
            if ((hostWithPort is not null && _hostAndPrefix.TryGetValue(hostWithPort + "/" + segment, out var t1))
                || _hostAndPrefix.TryGetValue(host + "/" + segment, out t1))
            {
                return new TenantMatch(t1, true);
            }
        }

        if ((hostWithPort is not null && _hostOnly.TryGetValue(hostWithPort, out var t2)) || _hostOnly.TryGetValue(host, out t2))
        {
            return new TenantMatch(t2, false);
        }

        if (segment is not null && _prefixOnly.TryGetValue(segment, out var t3))
        {
            return new TenantMatch(t3, true);
        }

        foreach (var (suffix, prefix, tenant) in _wildcards)
        {
            if (!MatchesWildcard(suffix, host, hostWithPort))
            {
                continue;
            }

            if (prefix is null)
            {
                return new TenantMatch(tenant, false);
            }

            if (segment is not null && string.Equals(prefix, segment, StringComparison.OrdinalIgnoreCase))
            {
                return new TenantMatch(tenant, true);
            }
        }

        return _fallback is null ? null : new TenantMatch(_fallback, false);
    }
}
