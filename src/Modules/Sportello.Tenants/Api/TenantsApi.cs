using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sportello.Core.Tenancy;

namespace Sportello.Tenants.Api;

/// <summary>/api/tenants: the catalog as JSON for the platform operator's tools (read-only for now).</summary>
public static class TenantsApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tenants").AddEndpointFilter(async (context, next) =>
            LocalRequests.IsAllowed(context.HttpContext) ? await next(context) : Results.NotFound());

        group.MapGet("/", (TenantRegistry registry, string? search) => Results.Ok(TenantSummary.List(registry, search)));
        group.MapGet("/{name}", (TenantRegistry registry, string name) =>
            registry.Find(name) is { } tenant ? Results.Ok(TenantSummary.From(tenant)) : Results.NotFound());
    }
}
