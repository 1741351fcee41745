using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sportello.Core.Tenancy;

namespace Sportello.Identity.Domain;

/// <summary>
/// Where the tenant requires it, an Administrator without an authenticator app is sent to enrol one before any
/// back-office page opens.
/// </summary>
internal sealed class AdminTwoFactorFilter(TenantContext tenant) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        if (tenant.HasTenant
            && tenant.Tenant.IsEnabled(IdentityModule.ModuleId)
            && http.Request.Path.StartsWithSegments("/admin")
            && user.Identity?.IsAuthenticated == true
            && user.IsInRole(DefaultRoles.Administrator)
            && !user.HasClaim(c => c.Type == PermissionClaimsFactory.TwoFactorClaim)
            && tenant.GetModuleSettings<IdentitySettings>(IdentityModule.ModuleId).RequireTwoFactorForAdministrators)
        {
            context.Result = new LocalRedirectResult($"{http.Request.PathBase}/account/two-factor/enable?required=true");
            return;
        }

        await next();
    }
}
