namespace Sportello.Core.Tenancy;

/// <summary>"Sportello:Tenants": how long an unused tenant keeps its caches, and how often nodes report activity.</summary>
public sealed class TenantIdleOptions
{
    /// <summary>A tenant without requests for this long has its per-tenant caches released.</summary>
    public TimeSpan IdleRelease { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How often idle tenants are looked for and last-request times written to the catalog.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
