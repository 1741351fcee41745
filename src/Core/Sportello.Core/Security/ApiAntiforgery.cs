using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Sportello.Core.Security;

/// <summary>
/// One rule for every module's API: a state-changing call authenticated by the sign-in cookie must carry the
/// antiforgery token in the <see cref="HeaderName"/> header, because a browser attaches the cookie to requests that
/// other sites make it send. Razor Pages already check their forms; this covers minimal APIs, present and future.
/// </summary>
internal sealed class ApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "RequestVerificationToken";
    public const string TokenPath = "/api/antiforgery/token";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            && context.User.Identity?.IsAuthenticated == true)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Token antiforgery mancante o non valido",
                    detail: $"Le chiamate che cambiano dati devono inviare l'intestazione {HeaderName} con il token di {request.PathBase}{TokenPath}.")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    /// <summary>The token for scripts and API clients that already hold the sign-in cookie.</summary>
    public static IResult Token(IAntiforgery antiforgery, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { token = antiforgery.GetAndStoreTokens(context).RequestToken, headerName = HeaderName });
    }
}
