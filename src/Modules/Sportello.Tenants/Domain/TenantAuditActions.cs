using Sportello.Core.Audit;

namespace Sportello.Tenants.Domain;

/// <summary>Audit actions the platform records in the Default tenant's log; the subject is the tenant.</summary>
public static class TenantAuditActions
{
    public const string SubjectType = "tenant";

    public const string Created = "tenants.created";
    public const string ModulesChanged = "tenants.modules-changed";
    public const string SettingsChanged = "tenants.settings-changed";
    public const string LimitsChanged = "tenants.limits-changed";
    public const string Suspended = "tenants.suspended";
    public const string Resumed = "tenants.resumed";
    public const string Removed = "tenants.removed";
    public const string Exported = "tenants.exported";

    public static IReadOnlyList<AuditAction> All { get; } =
    [
        new(Created, new("Sportello creato", "Tenant created")),
        new(ModulesChanged, new("Moduli cambiati", "Modules changed")),
        new(SettingsChanged, new("Impostazioni cambiate", "Settings changed")),
        new(LimitsChanged, new("Limiti del piano cambiati", "Plan limits changed")),
        new(Suspended, new("Sportello sospeso", "Tenant suspended")),
        new(Resumed, new("Sportello riattivato", "Tenant resumed")),
        new(Removed, new("Sportello eliminato", "Tenant removed")),
        new(Exported, new("Sportello esportato", "Tenant exported")),
    ];

    public static AuditRecord Record(string action, string tenant, string? detail) =>
        AuditRecord.Of(action, SubjectType, tenant, tenant) with
        {
            Details = detail is null ? null : new Dictionary<string, object?> { ["detail"] = detail },
        };
}
