using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Tenants.Api;

/// <summary>/api/tenants: the catalog as JSON for signed-in platform operators (read-only for now).</summary>
public static class TenantsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tenants")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(TenantsPermissions.View));

        group.MapGet("/", (TenantRegistry registry, string? search) => Results.Ok(TenantSummary.List(registry, search)));
        group.MapGet("/{name}", (TenantRegistry registry, string name) =>
            registry.Find(name) is { } tenant ? Results.Ok(TenantSummary.From(tenant)) : Results.NotFound());
    }
}
