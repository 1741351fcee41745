namespace Sportello.Core.Tenancy;

/// <summary>The tenant a request belongs to, and whether its first path segment was the tenant's prefix.</summary>
public readonly record struct TenantMatch(Tenant Tenant, bool MatchedPrefix);
