using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Lifecycles;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area;

/// <summary>
/// Where an identity check's link leads, signed in or not (a user who lost their second factor cannot sign in):
/// confirm the mobile number with a texted code, then send the three photos. A decided check's link opens nothing.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Guarded)]
[RequestSizeLimit(40 * 1024 * 1024)]
public sealed class IdentityCheckModel(IdentityChecks checks, IdentityCheckLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public IFormFile? Front { get; set; }
    [BindProperty] public IFormFile? Back { get; set; }
    [BindProperty] public IFormFile? Selfie { get; set; }

    public IdentityCheck? Check { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? Problem { get; private set; }
    public bool CodeSent { get; private set; }

    /// <summary>The same link as a QR code, to go on from a computer to a phone's camera.</summary>
    public string QrSvg => Sportello.Core.Web.QrCode.Svg(links.To(Token!));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Refused();

    public Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct) => StepAsync(check => checks.SendCodeAsync(check, Phone, ct), sent: true, ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) => StepAsync(check => checks.ConfirmPhoneAsync(check, Code, ct), sent: true, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => StepAsync(async check =>
    {
        await using var front = Front?.OpenReadStream();
        await using var back = Back?.OpenReadStream();
        await using var selfie = Selfie?.OpenReadStream();
        await checks.SubmitAsync(check, Photo(Front, front), Photo(Back, back), Photo(Selfie, selfie), ct);
    }, sent: false, ct);

    private static DocumentPhoto? Photo(IFormFile? file, Stream? content) =>
        file is null || content is null ? null : new DocumentPhoto(file.FileName, content);

    private async Task<IActionResult> StepAsync(Func<IdentityCheck, Task> step, bool sent, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Refused();
        }

        try
        {
            await step(Check!);
            return RedirectToPage(new { Token });
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(problem.Field, problem.Message);
            }

            CodeSent = sent && Check!.CodeHash is not null;
        }
        catch (LifecycleRefusedException refused)
        {
            Problem = refused.Reason.ToString();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(); // decided while the user was on the page
        }

        return Page();
    }

    private IActionResult Refused()
    {
        Check = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Check = await checks.FindOpenAsync(Token, ct);
        CodeSent = Check?.CodeHash is not null;
        Phone ??= Check?.Phone;
        return Check is not null;
    }
}
