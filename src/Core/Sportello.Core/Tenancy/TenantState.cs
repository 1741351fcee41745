namespace Sportello.Core.Tenancy;

/// <summary>Lifecycle of a tenant as recorded in the catalog.</summary>
public enum TenantState
{
    /// <summary>Created, its setup recipe has not finished: requests get a "being prepared" page.</summary>
    Uninitialized,
    Running,
    /// <summary>Suspended by the platform: requests get a branded 503 page and its jobs do not run.</summary>
    Disabled,
}
