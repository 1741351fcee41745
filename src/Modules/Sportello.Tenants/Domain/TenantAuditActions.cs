namespace Sportello.Tenants.Domain;

/// <summary>Audit actions the platform records in the Default tenant's log; the detail names the tenant.</summary>
public static class TenantAuditActions
{
    public const string Created = "tenant-created";
    public const string ModulesChanged = "tenant-modules-changed";
    public const string SettingsChanged = "tenant-settings-changed";
    public const string LimitsChanged = "tenant-limits-changed";
    public const string Suspended = "tenant-suspended";
    public const string Resumed = "tenant-resumed";
    public const string Removed = "tenant-removed";
    public const string Exported = "tenant-exported";
}
