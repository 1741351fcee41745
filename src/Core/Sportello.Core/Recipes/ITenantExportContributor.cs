using System.Text.Json.Nodes;

namespace Sportello.Core.Recipes;

/// <summary>
/// A module's share of a tenant export: recipe steps (its own step names) that re-create the module's content.
/// Registered scoped; runs in the exported tenant's scope, only when the module is enabled there.
/// </summary>
public interface ITenantExportContributor
{
    string ModuleId { get; }

    Task<IReadOnlyList<JsonObject>> ExportAsync(TenantExport export, CancellationToken ct);
}

/// <summary>
/// What an export carries beyond the tenant's configuration and content. People (users as invitations, without
/// passwords, and the customers' organizations) only when asked for: an export is shared more easily than a backup.
/// </summary>
public sealed record TenantExport(bool WithPeople = false);
