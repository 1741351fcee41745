using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sportello.Core.Security;

/// <summary>
/// Answers a refusal that carries an <see cref="AuthorizationRemedy"/>: a page redirects to where the user can put
/// it right, an API says why in problem details. Every other outcome is the framework's own.
/// </summary>
internal sealed class AuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var remedy = result.Forbidden
            ? result.AuthorizationFailure?.FailureReasons.OfType<AuthorizationRemedy>().FirstOrDefault()
            : null;
        if (remedy is null)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        var request = context.Request;
        if (request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Accesso non consentito", detail: remedy.Message).ExecuteAsync(context);
            return;
        }

        var returnUrl = request.PathBase + request.Path + request.QueryString;
        context.Response.Redirect(QueryHelpers.AddQueryString(request.PathBase + remedy.Path, "returnUrl", returnUrl));
    }
}
