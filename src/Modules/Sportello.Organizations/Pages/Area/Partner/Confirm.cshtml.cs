using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Modules;
using Sportello.Core.Validation;
using Sportello.Identity;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Security;

namespace Sportello.Organizations.Pages.Area.Partner;

/// <summary>
/// Where a partner's proposal leads the client's legal representative: the data the partner prepared, the choice of
/// what the partner may manage, and the confirmation that creates the organization. A withdrawn, confirmed or
/// expired proposal opens nothing (404).
/// </summary>
[AllowAnonymous]
public sealed class ConfirmModel(PartnerClients clients, ProductRights rights, IUserDirectory users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public ClientAccess Access { get; set; } = ClientAccess.Limited;
    [BindProperty] public List<string> Areas { get; set; } = [];
    [BindProperty] public bool Billing { get; set; }

    public PartnerClient? Proposal { get; private set; }
    public string PartnerName { get; private set; } = string.Empty;
    public LegalData Data { get; private set; } = new();
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool WrongAddress { get; private set; }
    public FieldErrors Errors { get; } = new();
    public AccessChoiceForm Choice => new("confirm", AccessChoiceForm.Choosable(rights.Areas), Access, Areas, Billing);

    private UserSummary? Signed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Gone();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Gone();
        }

        if (Signed is not { } user)
        {
            return Challenge();
        }

        if (WrongAddress)
        {
            return Page();
        }

        try
        {
            var organizationId = await clients.ConfirmAsync(Token!, new Person(user.Id, user.Email, user.DisplayName), new(Access, Areas, Billing), ct);
            Response.Cookies.Append(CurrentOrganization.Cookie, organizationId.ToString(), new CookieOptions
            {
                HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, Path = Request.PathBase.HasValue ? Request.PathBase.Value : "/", IsEssential = true,
            });
            return LocalRedirect(Url.Content("~/area/organization/partner?done=entrusted"));
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(problem.Field, problem.Message);
            }

            return Page();
        }
        catch (KeyNotFoundException)
        {
            return Gone();
        }
    }

    private IActionResult Gone()
    {
        Proposal = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await clients.FindProposalAsync(Token, ct) is not { } found)
        {
            return false;
        }

        (Proposal, PartnerName, Data) = found;
        if (SignedIn)
        {
            Signed = await users.FindByIdAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, ct);
            WrongAddress = !string.Equals(Signed?.Email, Proposal.InviteEmail, StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }
}
