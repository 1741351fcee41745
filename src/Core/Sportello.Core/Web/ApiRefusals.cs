using Microsoft.AspNetCore.Http;
using Sportello.Core.Lifecycles;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Web;

/// <summary>
/// The endpoint filter every module's API runs behind (the kernel adds it to each module's endpoints): refusals
/// become RFC 7807 problem details instead of 500s. Bad input is a validation problem listing each field (or
/// recipe step) and why; a refused lifecycle trigger is a 409 saying why in the request's language; an unknown
/// tenant is a 404.
/// </summary>
public static class ApiRefusals
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (TenantNotFoundException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tenant non trovato", detail: ex.Message);
        }
        catch (SportelloValidationException ex)
        {
            return TypedResults.ValidationProblem(Group(ex.Problems.Select(p => (p.Field, p.Message))), title: "Richiesta non valida");
        }
        catch (RecipeException ex)
        {
            return TypedResults.ValidationProblem(
                Group(ex.Problems.Select(p => (p.StepIndex is { } i ? $"steps[{i}]{p.Path.Replace($"$.steps[{i}]", string.Empty)}" : p.Path, p.Message))),
                title: $"La ricetta '{ex.Recipe}' non è valida");
        }
        catch (LifecycleRefusedException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Operazione non possibile", detail: ex.Reason.ToString(),
                extensions: new Dictionary<string, object?> { ["state"] = ex.State, ["trigger"] = ex.Trigger });
        }
    }

    private static Dictionary<string, string[]> Group(IEnumerable<(string Field, string Message)> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
}
