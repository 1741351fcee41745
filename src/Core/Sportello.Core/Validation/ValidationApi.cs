using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sportello.Core.Security;

namespace Sportello.Core.Validation;

/// <summary>
/// <c>GET /api/validate/{kind}?value=…</c>: what a validator makes of a value, for pages that check a field while it
/// is typed. Anonymous (it reveals nothing a page does not), rate-limited per client, in the request's language.
/// </summary>
public static class ValidationApi
{
    public const string Path = "/api/validate/{kind}";

    public sealed record Answer(bool Valid, string Normalized, string Message);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, Validate)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Lookups)
            .WithName("validate")
            .WithSummary("Checks a codice fiscale, partita IVA, IBAN, e-mail address, phone number, CAP, province or SDI code.");

    internal static Results<Ok<Answer>, NotFound<ProblemDetails>> Validate(string kind, string? value, HttpContext context)
    {
        if (!Validators.ByKind.TryGetValue(kind, out var validate))
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not Found",
                Detail = $"No validator '{(kind.Length > 40 ? kind[..40] : kind)}'. Known: {string.Join(", ", Validators.ByKind.Keys)}.",
            });
        }

        // Lookups change as the field does: never cached by the browser or a proxy.
        context.Response.Headers.CacheControl = "no-store";
        var result = validate(value);
        return TypedResults.Ok(new Answer(result.Valid, result.Normalized, result.Message ?? string.Empty));
    }
}
