using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Sportello.Core.Security;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>Creates roles and sets their permissions, changing nothing that is already as asked.</summary>
public static class RoleSeeding
{
    public static async Task EnsureDefaultRolesAsync(RoleManager<SportelloRole> roles)
    {
        foreach (var (name, (description, permissions)) in DefaultRoles.All)
        {
            if (await roles.FindByNameAsync(name) is null)
            {
                await EnsureRoleAsync(roles, name, description, permissions);
            }
        }
    }

    public static async Task EnsureRoleAsync(RoleManager<SportelloRole> roles, string name, string? description, IReadOnlyCollection<string> permissions)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is null)
        {
            role = new SportelloRole(name) { Description = description };
            Check(await roles.CreateAsync(role), name);
        }
        else if (description is not null && role.Description != description)
        {
            role.Description = description;
            Check(await roles.UpdateAsync(role), name);
        }

        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionPolicyProvider.ClaimType).ToList();
        foreach (var stale in current.Where(c => !permissions.Contains(c.Value)))
        {
            Check(await roles.RemoveClaimAsync(role, stale), name);
        }

        foreach (var missing in permissions.Where(p => current.All(c => c.Value != p)))
        {
            Check(await roles.AddClaimAsync(role, new Claim(PermissionPolicyProvider.ClaimType, missing)), name);
        }
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Ruolo '{role}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
