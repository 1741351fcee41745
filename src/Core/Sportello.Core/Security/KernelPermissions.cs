using Sportello.Core.Modules;

namespace Sportello.Core.Security;

/// <summary>
/// What can be granted on the back office's own pages (dashboard, branding, plan, audit log, scheduled jobs), which
/// belong to no module and so are there whatever the tenant enables.
/// </summary>
public static class KernelPermissions
{
    /// <summary>Enter the tenant's back office.</summary>
    public const string AdminAccess = "admin.access";

    /// <summary>Change the tenant's branding.</summary>
    public const string ManageSettings = "settings.manage";

    /// <summary>Read and export the audit log.</summary>
    public const string ViewAudit = "audit.view";

    /// <summary>See the scheduled jobs' runs and start one now.</summary>
    public const string ManageJobs = "jobs.manage";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(AdminAccess, "Accedere al back office", "Entrare nell'area di amministrazione dello sportello.", DefaultGrant.Operator),
        new(ManageSettings, "Gestire il marchio", "Cambiare nome, logo, colori e contatti dello sportello."),
        new(ViewAudit, "Consultare il registro attività", "Leggere ed esportare chi ha fatto cosa nello sportello."),
        new(ManageJobs, "Gestire le attività pianificate", "Vedere le esecuzioni delle attività pianificate e avviarne una subito.", DefaultGrant.Operator),
    ];
}
