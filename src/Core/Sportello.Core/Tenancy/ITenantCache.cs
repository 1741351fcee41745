namespace Sportello.Core.Tenancy;

/// <summary>
/// Something that keeps per-tenant state built on first use (protectors, parsed settings, connection strings,
/// cached pages, open index readers). The idle sweep asks it to let go of a tenant nobody has asked for in a while;
/// it is built again on the next use.
/// </summary>
public interface ITenantCache
{
    ValueTask ReleaseAsync(Tenant tenant, CancellationToken ct);
}
