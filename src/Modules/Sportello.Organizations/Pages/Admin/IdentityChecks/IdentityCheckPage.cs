using Sportello.Core.Security;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Validation;

namespace Sportello.Organizations.Pages.Admin.IdentityChecks;

/// <summary>What the queue and a check's page share: the operator's name and field errors from the domain.</summary>
public abstract class IdentityCheckPage : PageModel
{
    public FieldErrors Errors { get; } = new();
    public string? Message { get; protected set; }
    public string? Problem { get; protected set; }

    protected string Operator => User.DisplayName() ?? "operatore";

    protected void Show(SportelloValidationException refused)
    {
        foreach (var problem in refused.Problems)
        {
            Errors.Add(problem.Field, problem.Message);
        }
    }
}
