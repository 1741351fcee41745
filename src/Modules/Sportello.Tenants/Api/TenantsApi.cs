using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sportello.Core.Recipes;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Tenants.Domain;

namespace Sportello.Tenants.Api;

/// <summary>
/// /api/tenants: the platform operator's tenant administration as JSON. Reading needs tenants.view, every change
/// tenants.manage. Refusals are problem details listing each field (or recipe step) and why.
/// </summary>
public static class TenantsApi
{
    public sealed record ModuleChange(IReadOnlyList<string>? Enable, IReadOnlyList<string>? Disable);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/tenants")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(TenantsPermissions.View));
        var write = endpoints.MapGroup("/api/tenants")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(TenantsPermissions.Manage));

        read.MapGet("/", async (TenantRegistry registry, TenantCatalog catalog, string? search, TenantState? state, CancellationToken ct) =>
            Results.Ok(await TenantSummary.ListAsync(registry, catalog, search, state, ct)));
        read.MapGet("/{name}", async (TenantRegistry registry, TenantCatalog catalog, string name, CancellationToken ct) =>
            registry.Find(name) is { } tenant
                ? Results.Ok(TenantDetails.From(tenant, await catalog.LoadLastRequestAsync(name, ct)))
                : Results.NotFound());
        endpoints.MapGet("/api/recipes", (RecipeFiles recipes) => Results.Ok(recipes.List()))
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(TenantsPermissions.View));

        write.MapPost("/", async (CreateTenantRequest request, TenantProvisioning provisioning, TenantRegistry registry, CancellationToken ct) =>
        {
            var result = await provisioning.CreateAsync(request, ct);
            var body = new { result.Created, result.Message, Tenant = TenantSummary.From(registry.Find(result.Tenant.Name)!) };
            return result.Created ? Results.Created($"/api/tenants/{result.Tenant.Name}", body) : Results.Ok(body);
        });
        write.MapGet("/{name}/modules/preview", async (string name, string[]? enable, string[]? disable, TenantOperations operations, CancellationToken ct) =>
            Results.Ok(await operations.PreviewAsync(name, enable ?? [], disable ?? [], ct)));
        write.MapPost("/{name}/modules", async (string name, ModuleChange change, TenantOperations operations, TenantRegistry registry, CancellationToken ct) =>
        {
            await operations.ChangeModulesAsync(name, change.Enable ?? [], change.Disable ?? [], ct);
            return Results.Ok(TenantSummary.From(registry.Find(name)!));
        });
        write.MapPut("/{name}/settings/{module}", async (string name, string module, JsonElement settings, TenantOperations operations, CancellationToken ct) =>
            Results.Ok((await operations.SetModuleSettingsAsync(name, module, settings, ct)).ModuleSettings[module]));
        write.MapPut("/{name}/limits", async (string name, Dictionary<string, long?> limits, TenantOperations operations, CancellationToken ct) =>
            Results.Ok((await operations.SetLimitsAsync(name, limits, ct)).Limits));
        write.MapPost("/{name}/suspend", async (string name, TenantOperations operations, TenantRegistry registry, CancellationToken ct) =>
        {
            await operations.SuspendAsync(name, ct);
            return Results.Ok(TenantSummary.From(registry.Find(name)!));
        });
        write.MapPost("/{name}/resume", async (string name, TenantOperations operations, TenantRegistry registry, CancellationToken ct) =>
        {
            await operations.ResumeAsync(name, ct);
            return Results.Ok(TenantSummary.From(registry.Find(name)!));
        });
        write.MapDelete("/{name}", async (string name, string? confirm, TenantOperations operations, CancellationToken ct) =>
        {
            var leftBehind = await operations.RemoveAsync(name, confirm, ct);
            return leftBehind is null ? Results.NoContent() : Results.Ok(new { Warning = leftBehind });
        });
        write.MapGet("/{name}/export", async (string name, TenantOperations operations, CancellationToken ct) =>
        {
            var recipe = await operations.ExportAsync(name, ct);
            return Results.Text(recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
        });
    }
}
