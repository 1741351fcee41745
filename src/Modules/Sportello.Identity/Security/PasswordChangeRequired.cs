using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Security;

/// <summary>
/// A customer whose password an operator set (and told them) chooses their own before anything else: every page
/// leads to the change-password page until they do, except signing out.
/// </summary>
internal sealed class PasswordChangeRequired : IAsyncPageFilter
{
    private static readonly string[] Allowed = ["/account/password", "/account/logout"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.HasClaim(PermissionClaimsFactory.MustChangePasswordClaim, "on")
            && !Allowed.Any(path => http.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            var back = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
            context.Result = new LocalRedirectResult($"{http.Request.PathBase}/account/password?returnUrl={Uri.EscapeDataString(back)}");
            return;
        }

        await next();
    }
}
