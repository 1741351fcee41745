using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Sportello.Core.Validation;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Security;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// What every page of <c>/area/organization</c> shares: the organization the user acts for and their rights in it
/// (decided through authorization), and the refusals of a change turned into a message on the page.
/// </summary>
[Authorize]
public abstract class OrganizationPage : PageModel
{
    /// <summary>The organization a form was shown for: a post is refused when the user has since switched to another (in another tab, say).</summary>
    [BindProperty] public Guid OrganizationId { get; set; }

    public OrganizationMembership? Membership { get; private set; }
    public bool MayEdit { get; private set; }
    public bool MayManageMembers { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? Message { get; protected set; }
    public string? Problem { get; protected set; }
    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    protected IStringLocalizer<OrganizationsStrings> L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<OrganizationsStrings>>();

    /// <summary>Reads the current organization and what the user may do there; false when they belong to none.</summary>
    protected async Task<bool> LoadMembershipAsync(CancellationToken ct)
    {
        Membership = await HttpContext.RequestServices.GetRequiredService<ICurrentOrganization>().GetAsync(ct);
        if (Membership is null)
        {
            return false;
        }

        if (HttpMethods.IsGet(Request.Method))
        {
            OrganizationId = Membership.OrganizationId;
        }

        MayEdit = await MayAsync(OrganizationRight.EditLegalData);
        MayManageMembers = await MayAsync(OrganizationRight.ManageMembers);
        return true;
    }

    protected async Task<bool> MayAsync(OrganizationRight right) =>
        Membership is not null && (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(User, Membership, new OrganizationRequirement(right))).Succeeded;

    /// <summary>True when the post was made for the organization the user acts for now; otherwise says why nothing changed.</summary>
    protected bool PostedForCurrent()
    {
        if (OrganizationId == Membership!.OrganizationId)
        {
            return true;
        }

        Problem = L["Nel frattempo sei passato a un'altra organizzazione: controlla i dati qui sotto e ripeti l'operazione."];
        OrganizationId = Membership.OrganizationId;
        return false;
    }

    /// <summary>Runs a change; its refusals come back as the page with the reason (or a 403/404), never as an error page.</summary>
    /// <param name="fields">The form's name for a field the domain names otherwise (its <c>Email</c> is the form's <c>InviteEmail</c>).</param>
    protected async Task<IActionResult> ChangeAsync(Func<Task<IActionResult>> change, Func<Task> reload, IReadOnlyDictionary<string, string>? fields = null)
    {
        try
        {
            return await change();
        }
        catch (OrganizationRightMissingException)
        {
            return Forbid(); // the right was lost a moment ago, read again with the change
        }
        catch (KeyNotFoundException)
        {
            return NotFound(); // gone meanwhile, or never this organization's
        }
        catch (LastLegalRepresentativeException)
        {
            Problem = LastLegalRepresentativeException.Reason.ToString();
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(fields?.GetValueOrDefault(problem.Field) ?? problem.Field, problem.Message);
            }
        }
        catch (DbUpdateException)
        {
            Problem = L["Qualcun altro ha cambiato i membri nello stesso momento: ricarica la pagina e riprova."];
        }

        await reload();
        return Page();
    }
}
