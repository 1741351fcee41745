using Microsoft.AspNetCore.Http;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Modules;

/// <summary>
/// Runs after routing: an endpoint that belongs to a module the tenant has not enabled does not exist for it (404).
/// The check reads the tenant's current snapshot, so enabling or disabling takes effect on the next request.
/// </summary>
internal sealed class ModuleGatingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantContext tenant)
    {
        var module = context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>();
        if (module is not null && (!tenant.HasTenant || !tenant.Tenant.IsEnabled(module.ModuleId)))
        {
            context.SetEndpoint(null);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
