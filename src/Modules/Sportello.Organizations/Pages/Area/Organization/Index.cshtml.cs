using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Security;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// The customer's organization: its legal and contact data, changed by a legal representative only; switching to
/// another of the user's organizations, and leaving this one.
/// </summary>
public sealed class IndexModel(ICurrentOrganization current, OrganizationsDbContext db, Memberships memberships) : OrganizationPage
{
    [BindProperty] public LegalData Form { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } organization)
        {
            ShowForm(organization);
        }

        Message = done switch
        {
            "saved" => L["Dati salvati."].Value,
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
            ShowForm(organization);
            return Page();
        }

        return await ChangeAsync(async () =>
        {
            await memberships.RemoveAsync(organization.Id, UserId, leaving: true, ct: ct);
            Response.Cookies.Delete(CurrentOrganization.Cookie, new Microsoft.AspNetCore.Http.CookieOptions { Path = CookiePath });
            return LocalRedirect(Url.Content("~/area"));
        }, async () => ShowForm(await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id, ct)));
    }

    private void ShowForm(Domain.Organization organization)
    {
        Form = LegalData.Of(organization);
        Version = organization.Version;
        OrganizationId = organization.Id;
        ModelState.Clear();
    }

    private string CookiePath => Request.PathBase.HasValue ? Request.PathBase.Value : "/";

    private async Task<Domain.Organization?> LoadAsync(CancellationToken ct) =>
        await LoadMembershipAsync(ct) ? await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Membership!.OrganizationId, ct) : null;
}
