using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Identity;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Security;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// Where an invitation's link leads: who invites to what, then sign in (or sign up) with the invited address and
/// accept. A link that was revoked, sent again, accepted or is past its seven days opens nothing: 404 with the reason.
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(Invitations invitations, IUserDirectory users, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public Invitation? Found { get; private set; }
    public string OrganizationName { get; private set; } = string.Empty;
    public InvitationState State { get; private set; }
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool WrongAddress { get; private set; }

    private UserSummary? Signed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Refused();

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Refused();
        }

        if (!SignedIn)
        {
            return Challenge();
        }

        if (WrongAddress)
        {
            return Page();
        }

        if (Signed is not { } user)
        {
            return Challenge();
        }

        try
        {
            var organizationId = await invitations.AcceptAsync(Token!, new Person(user.Id, user.Email, user.DisplayName), ct);
            Response.Cookies.Append(CurrentOrganization.Cookie, organizationId.ToString(), new Microsoft.AspNetCore.Http.CookieOptions
            {
                HttpOnly = true, Secure = Request.IsHttps, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                Path = Request.PathBase.HasValue ? Request.PathBase.Value : "/", IsEssential = true,
            });
            return LocalRedirect(Url.Content("~/area/organization/members?done=joined"));
        }
        catch (InvitationRefusedException refused)
        {
            State = refused.State;
            WrongAddress = refused.WrongAddress;
            return refused.WrongAddress ? Page() : Refused();
        }
    }

    private IActionResult Refused()
    {
        Found = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>False when the link opens no pending invitation.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await invitations.FindAsync(Token, ct) is not { } found)
        {
            State = InvitationState.Revoked;
            return false;
        }

        (Found, OrganizationName) = found;
        State = Found.StateAt(time.GetUtcNow().UtcDateTime);
        if (State != InvitationState.Pending)
        {
            return false;
        }

        if (SignedIn)
        {
            Signed = await users.FindByIdAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, ct);
            WrongAddress = !string.Equals(Signed?.Email, Found.Email, StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }
}
