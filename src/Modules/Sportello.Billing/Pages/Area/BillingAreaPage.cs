using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Sportello.Core.Lifecycles;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Validation;
using Sportello.Organizations;

namespace Sportello.Billing.Pages.Area;

/// <summary>
/// What every billing page of the customer area shares: the organization the user acts for (every member sees its
/// orders, services and balance), whether they may pay (the product right, decided through authorization), and
/// refusals turned into a message on the page.
/// </summary>
[Authorize]
public abstract class BillingAreaPage : PageModel
{
    /// <summary>The organization a form was shown for: a post is refused when the user has since switched to another.</summary>
    [BindProperty] public Guid OrganizationId { get; set; }

    public OrganizationMembership? Membership { get; private set; }
    public bool MayPay { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? Message { get; protected set; }
    public string? Problem { get; protected set; }
    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    protected IStringLocalizer<BillingStrings> L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<BillingStrings>>();

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

        MayPay = (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(User, Membership.OrganizationId, new ProductRightRequirement(BillingRights.Pay))).Succeeded;
        return true;
    }

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

    /// <summary>
    /// Loads the membership and runs a change the user must be allowed to pay for; refusals come back as the page
    /// with the reason (or a 403/404), never as an error page. <paramref name="field"/> names a domain field as the form does.
    /// </summary>
    protected async Task<IActionResult> PayingAsync(Func<Task<IActionResult>> change, Func<Task> reload, CancellationToken ct, Func<string, string>? field = null)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return NotFound();
        }

        if (!MayPay)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            await reload();
            return Page();
        }

        try
        {
            return await change();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (LifecycleRefusedException refused)
        {
            Problem = refused.Reason.ToString();
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(field?.Invoke(problem.Field) ?? problem.Field, problem.Message);
            }
        }
        catch (Exception conflict) when (StoreConflicts.IsConflict(conflict))
        {
            Problem = L["Qualcun altro ha cambiato l'ordine nello stesso momento: ricarica la pagina e riprova."];
        }

        await reload();
        return Page();
    }
}
