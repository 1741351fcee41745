using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>What a create request did: made the tenant, or found it already there as asked.</summary>
    public sealed record CreateAnswer(bool Created, string Message, TenantSummary Tenant);

    /// <summary>A removal that left something behind (a store that could not be dropped), for the operator to clear.</summary>
    public sealed record RemovalWarning(string Warning);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var read = endpoints.MapGroup("/api/tenants")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(TenantsPermissions.View));
        var write = endpoints.MapGroup("/api/tenants")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(TenantsPermissions.Manage));

        read.MapGet("/", async (TenantRegistry registry, TenantCatalog catalog, string? search, TenantState? state, CancellationToken ct) =>
            TypedResults.Ok(await TenantSummary.ListAsync(registry, catalog, search, state, ct)));
        read.MapGet("/{name}", async Task<Results<Ok<TenantDetails>, NotFound>> (TenantRegistry registry, TenantCatalog catalog, string name, CancellationToken ct) =>
            registry.Find(name) is { } tenant
                ? TypedResults.Ok(TenantDetails.From(tenant, await catalog.LoadLastRequestAsync(name, ct)))
                : TypedResults.NotFound());
        endpoints.MapGet("/api/recipes", (RecipeFiles recipes) => TypedResults.Ok(recipes.List()))
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(TenantsPermissions.View));

        write.MapPost("/", async Task<Results<Created<CreateAnswer>, Ok<CreateAnswer>>> (CreateTenantRequest request, TenantProvisioning provisioning, TenantRegistry registry, CancellationToken ct) =>
        {
            var result = await provisioning.CreateAsync(request, ct);
            var body = new CreateAnswer(result.Created, result.Message, TenantSummary.From(registry.Find(result.Tenant.Name)!));
            return result.Created ? TypedResults.Created($"/api/tenants/{result.Tenant.Name}", body) : TypedResults.Ok(body);
        });
        write.MapGet("/{name}/modules/preview", async (string name, string[]? enable, string[]? disable, TenantOperations operations, CancellationToken ct) =>
            TypedResults.Ok(await operations.PreviewAsync(name, enable ?? [], disable ?? [], ct)));
        write.MapPost("/{name}/modules", async (string name, ModuleChange change, TenantOperations operations, TenantRegistry registry, CancellationToken ct) =>
        {
            await operations.ChangeModulesAsync(name, change.Enable ?? [], change.Disable ?? [], ct);
            return TypedResults.Ok(TenantSummary.From(registry.Find(name)!));
        });
        write.MapPut("/{name}/settings/{module}", async (string name, string module, JsonElement settings, TenantOperations operations, CancellationToken ct) =>
            TypedResults.Ok((await operations.SetModuleSettingsAsync(name, module, settings, ct)).ModuleSettings[module]));
        write.MapPut("/{name}/limits", async (string name, Dictionary<string, long?> limits, TenantOperations operations, CancellationToken ct) =>
            TypedResults.Ok((await operations.SetLimitsAsync(name, limits, ct)).Limits));
        write.MapPost("/{name}/suspend", async (string name, TenantOperations operations, TenantRegistry registry, CancellationToken ct) =>
        {
            await operations.SuspendAsync(name, ct);
            return TypedResults.Ok(TenantSummary.From(registry.Find(name)!));
        });
        write.MapPost("/{name}/resume", async (string name, TenantOperations operations, TenantRegistry registry, CancellationToken ct) =>
        {
            await operations.ResumeAsync(name, ct);
            return TypedResults.Ok(TenantSummary.From(registry.Find(name)!));
        });
        write.MapDelete("/{name}", async Task<Results<NoContent, Ok<RemovalWarning>>> (string name, string? confirm, TenantOperations operations, CancellationToken ct) =>
        {
            var leftBehind = await operations.RemoveAsync(name, confirm, ct);
            return leftBehind is null ? TypedResults.NoContent() : TypedResults.Ok(new RemovalWarning(leftBehind));
        });
        write.MapGet("/{name}/export", async (string name, bool? people, TenantOperations operations, CancellationToken ct) =>
        {
            var recipe = await operations.ExportAsync(name, people == true, ct);
            return TypedResults.Text(recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json");
        });
    }
}
