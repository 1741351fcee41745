using System.Text.Json.Nodes;

namespace Sportello.Core.Recipes;

/// <summary>
/// A module's share of a tenant export: recipe steps (its own step names) that re-create the module's content.
/// Registered scoped; runs in the exported tenant's scope, only when the module is enabled there.
/// </summary>
public interface ITenantExportContributor
{
    string ModuleId { get; }

    Task<IReadOnlyList<JsonObject>> ExportAsync(CancellationToken ct);
}
