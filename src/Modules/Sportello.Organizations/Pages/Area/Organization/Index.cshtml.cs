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
            Form = LegalData.Of(organization);
            Version = organization.Version;
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
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        try
        {
            await memberships.UpdateLegalDataAsync(Membership!.OrganizationId, Version, Form, ct);
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
            Path = Request.PathBase.HasValue ? Request.PathBase.Value : "/",
            IsEssential = true,
        });
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }

    /// <summary>The user leaves the current organization; refused to its last legal representative.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        try
        {
            await memberships.RemoveAsync(Membership!.OrganizationId, UserId, leaving: true, ct);
            Response.Cookies.Delete(CurrentOrganization.Cookie, new Microsoft.AspNetCore.Http.CookieOptions { Path = Request.PathBase.HasValue ? Request.PathBase.Value : "/" });
            return LocalRedirect(Url.Content("~/area"));
        }
        catch (LastLegalRepresentativeException)
        {
            Problem = LastLegalRepresentativeException.Reason.ToString();
            Form = LegalData.Of(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Membership!.OrganizationId, ct));
            return Page();
        }
    }

    public Task<IActionResult> OnPostRoleAsync(string userId, string? role, CancellationToken ct) =>
        Enum.TryParse<OrganizationRole>(role, out var chosen) && Enum.IsDefined(chosen)
            ? ManageAsync(() => memberships.ChangeRoleAsync(Membership!.OrganizationId, userId, chosen, ct), "role", ct, chosen)
            : Task.FromResult<IActionResult>(BadRequest());

    public Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken ct) =>
        ManageAsync(() => memberships.RemoveAsync(Membership!.OrganizationId, userId, leaving: false, ct), "removed", ct);

    private async Task<IActionResult> ManageAsync(Func<Task> change, string done, CancellationToken ct, OrganizationRole? newRole = null)
    {
        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        if (!MayManageMembers)
        {
            return Forbid();
        }

        var target = Members.FirstOrDefault(m => m.UserId == Request.Form["userId"].ToString());
        if (target is null)
        {
            return NotFound(); // a member of another organization is not there to change
        }

        if ((target.Role == OrganizationRole.LegalRepresentative || newRole == OrganizationRole.LegalRepresentative)
            && !(await authorization.AuthorizeAsync(User, Membership, new OrganizationRequirement(OrganizationRight.AppointLegalRepresentative))).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await change();
            return RedirectToPage(new { done });
        }
        catch (LastLegalRepresentativeException)
        {
            Problem = LastLegalRepresentativeException.Reason.ToString();
            Form = LegalData.Of(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Membership!.OrganizationId, ct));
            return Page();
        }
    }

    private async Task<Domain.Organization?> LoadAsync(CancellationToken ct)
    {
        Membership = await current.GetAsync(ct);
        if (Membership is null)
        {
            return null;
        }

        MayEdit = (await authorization.AuthorizeAsync(User, Membership, new OrganizationRequirement(OrganizationRight.EditLegalData))).Succeeded;
        MayManageMembers = (await authorization.AuthorizeAsync(User, Membership, new OrganizationRequirement(OrganizationRight.ManageMembers))).Succeeded;
        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == Membership.OrganizationId)
            .OrderBy(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct);
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Membership.OrganizationId, ct);
    }

    public static string RoleName(OrganizationRole role) => role switch
    {
        OrganizationRole.LegalRepresentative => "Legale rappresentante",
        OrganizationRole.Administrator => "Amministratore",
        _ => "Collaboratore",
    };

    public static string KindName(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Person => "Persona",
        OrganizationKind.SoleTrader => "Ditta individuale",
        OrganizationKind.Company => "Società",
        _ => "Ente pubblico",
    };
}
