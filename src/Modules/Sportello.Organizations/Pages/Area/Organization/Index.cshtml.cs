using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Security;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// The customer's organization: its legal and contact data (changed by a legal representative only) and its members
/// with their roles (managed by legal representatives and administrators), always with a legal representative.
/// </summary>
[Authorize]
public sealed class IndexModel(ICurrentOrganization current, OrganizationsDbContext db, Memberships memberships, IAuthorizationService authorization, IStringLocalizer<OrganizationsStrings> L) : PageModel
{
    [BindProperty] public LegalData Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    /// <summary>The organization a form was shown for: a post is refused when the user has since switched to another (in another tab, say).</summary>
    [BindProperty] public Guid OrganizationId { get; set; }

    public OrganizationMembership? Membership { get; private set; }
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public bool MayEdit { get; private set; }
    public bool MayManageMembers { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    public string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } organization)
        {
            ShowForm(organization);
        }

        Message = done switch
        {
            "saved" => L["Dati salvati."].Value,
            "role" => L["Ruolo cambiato."].Value,
            "removed" => L["Membro rimosso."].Value,
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } organization)
        {
            return NotFound();
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            return Page();
        }

        // A value the form cannot hold (a kind that does not exist) is a refusal on its field, never a silent default.
        foreach (var field in ModelState.Where(e => e.Key.StartsWith("Form.", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key))
        {
            Errors.Add(field, L["Valore non valido."]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        try
        {
            await memberships.UpdateLegalDataAsync(organization.Id, Version, Form, ct);
            return RedirectToPage(new { done = "saved" });
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add("Form." + problem.Field, problem.Message);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = L["Qualcun altro ha cambiato i dati mentre li modificavi: ricarica la pagina e riprova."];
        }

        return Page();
    }

    /// <summary>Acts for another of the user's organizations from now on; one they do not belong to is not found.</summary>
    public async Task<IActionResult> OnPostSwitchAsync(Guid organizationId, string? returnUrl, CancellationToken ct)
    {
        if ((await current.AllAsync(ct)).All(m => m.OrganizationId != organizationId))
        {
            return NotFound();
        }

        Response.Cookies.Append(CurrentOrganization.Cookie, organizationId.ToString(), new Microsoft.AspNetCore.Http.CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Path = CookiePath,
            IsEssential = true,
        });
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }

    /// <summary>The user leaves the current organization; refused to its last legal representative.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } organization)
        {
            return NotFound();
        }

        if (!PostedForCurrent())
        {
            return Page();
        }

        return await ChangeAsync(organization, async () =>
        {
            await memberships.RemoveAsync(organization.Id, UserId, leaving: true, ct: ct);
            Response.Cookies.Delete(CurrentOrganization.Cookie, new Microsoft.AspNetCore.Http.CookieOptions { Path = CookiePath });
            return LocalRedirect(Url.Content("~/area"));
        }, ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(string? userId, string? role, CancellationToken ct)
    {
        if (!Enum.TryParse<OrganizationRole>(role, out var chosen) || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        return await ManageAsync(userId, chosen, (organization, target) => memberships.ChangeRoleAsync(organization.Id, target, chosen, UserId, ct), "role", ct);
    }

    public Task<IActionResult> OnPostRemoveAsync(string? userId, CancellationToken ct) =>
        ManageAsync(userId, null, (organization, target) => memberships.RemoveAsync(organization.Id, target, leaving: false, UserId, ct), "removed", ct);

    private async Task<IActionResult> ManageAsync(string? userId, OrganizationRole? newRole, Func<Domain.Organization, string, Task> change, string done, CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } organization)
        {
            return NotFound();
        }

        if (!MayManageMembers)
        {
            return Forbid();
        }

        var target = Members.FirstOrDefault(m => m.UserId == userId);
        if (target is null)
        {
            return NotFound(); // a member of another organization is not there to change
        }

        if ((target.Role == OrganizationRole.LegalRepresentative || newRole == OrganizationRole.LegalRepresentative)
            && !(await authorization.AuthorizeAsync(User, Membership, new OrganizationRequirement(OrganizationRight.AppointLegalRepresentative))).Succeeded)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            return Page();
        }

        return await ChangeAsync(organization, async () =>
        {
            await change(organization, target.UserId);
            return RedirectToPage(new { done });
        }, ct);
    }

    /// <summary>Runs a membership change; its refusals come back as the page with the reason, never as an error page.</summary>
    private async Task<IActionResult> ChangeAsync(Domain.Organization organization, Func<Task<IActionResult>> change, CancellationToken ct)
    {
        try
        {
            return await change();
        }
        catch (OrganizationRightMissingException)
        {
            return Forbid(); // the right was lost a moment ago, read again with the change
        }
        catch (LastLegalRepresentativeException)
        {
            Problem = LastLegalRepresentativeException.Reason.ToString();
        }
        catch (DbUpdateException)
        {
            Problem = L["Qualcun altro ha cambiato i membri nello stesso momento: ricarica la pagina e riprova."];
        }

        ShowForm(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id, ct));
        Members = await MembersOfAsync(organization.Id, ct);
        return Page();
    }

    private bool PostedForCurrent()
    {
        if (OrganizationId == Membership!.OrganizationId)
        {
            return true;
        }

        Problem = L["Nel frattempo sei passato a un'altra organizzazione: controlla i dati qui sotto e ripeti l'operazione."];
        return false;
    }

    private void ShowForm(Domain.Organization organization)
    {
        Form = LegalData.Of(organization);
        Version = organization.Version;
        OrganizationId = organization.Id;
        ModelState.Clear();
    }

    private string CookiePath => Request.PathBase.HasValue ? Request.PathBase.Value : "/";

    private async Task<Domain.Organization?> LoadAsync(CancellationToken ct)
    {
        Membership = await current.GetAsync(ct);
        if (Membership is null)
        {
            return null;
        }

        MayEdit = (await authorization.AuthorizeAsync(User, Membership, new OrganizationRequirement(OrganizationRight.EditLegalData))).Succeeded;
        MayManageMembers = (await authorization.AuthorizeAsync(User, Membership, new OrganizationRequirement(OrganizationRight.ManageMembers))).Succeeded;
        Members = await MembersOfAsync(Membership.OrganizationId, ct);
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Membership.OrganizationId, ct);
    }

    private Task<List<Member>> MembersOfAsync(Guid organizationId, CancellationToken ct) =>
        db.Members.AsNoTracking().Where(m => m.OrganizationId == organizationId).OrderBy(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct);
}
