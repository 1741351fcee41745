using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Recipes;
using Sportello.Identity.Data;

namespace Sportello.Identity.Recipes;

/// <summary>
/// The tenant's users as a <c>users</c> step of invitations, when an export carries people: address, name and roles,
/// never a password, so each person chooses a new one in the tenant the recipe creates.
/// </summary>
public sealed class UsersExport(UserManager<SportelloUser> users) : ITenantExportContributor
{
    public string ModuleId => IdentityModule.ModuleId;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(TenantExport export, CancellationToken ct)
    {
        if (!export.WithPeople)
        {
            return [];
        }

        var list = new JsonArray();
        foreach (var user in await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
        {
            var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).Select(r => (JsonNode?)JsonValue.Create(r)).ToArray();
            list.Add(new JsonObject { ["email"] = user.Email, ["displayName"] = user.DisplayName, ["invite"] = true, ["roles"] = new JsonArray(roles) });
        }

        return list.Count == 0 ? [] : [TenantRecipeExporter.Step("users", new JsonObject { ["users"] = list })];
    }
}
