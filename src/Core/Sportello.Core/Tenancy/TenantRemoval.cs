namespace Sportello.Core.Tenancy;

/// <summary>A removed tenant, and what of its store could not be deleted (null when everything went).</summary>
public sealed record TenantRemoval(TenantSettings Removed, string? StoreLeftBehind);
