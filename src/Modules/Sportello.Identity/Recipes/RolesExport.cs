using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Recipes;
using Sportello.Core.Security;
using Sportello.Identity.Data;

namespace Sportello.Identity.Recipes;

/// <summary>Exports the tenant's roles with their permissions as a "roles" step; users stay behind (personal data, secrets).</summary>
public sealed class RolesExport(RoleManager<SportelloRole> roles) : ITenantExportContributor
{
    public string ModuleId => IdentityModule.ModuleId;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(TenantExport export, CancellationToken ct)
    {
        var list = new JsonArray();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).ToListAsync(ct))
        {
            var permissions = (await roles.GetClaimsAsync(role))
                .Where(c => c.Type == PermissionPolicyProvider.ClaimType)
                .Select(c => c.Value)
                .Order(StringComparer.Ordinal)
                .Select(p => (JsonNode?)JsonValue.Create(p))
                .ToArray();
            var item = new JsonObject { ["name"] = role.Name };
            if (role.Description is not null)
            {
                item["description"] = role.Description;
            }

            item["permissions"] = new JsonArray(permissions);
            list.Add(item);
        }

        return list.Count == 0 ? [] : [TenantRecipeExporter.Step("roles", new JsonObject { ["roles"] = list })];
    }
}
