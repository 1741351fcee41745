using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sportello.Core.Events;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

/// <summary>
/// Self-service sign-up, when the tenant allows it: a Customer account that works once its e-mail is confirmed.
/// An address that already has an account gets the same answer after the same work (a password hash, one write);
/// its owner is told by e-mail, after the answer, and nobody else learns anything.
/// </summary>
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class RegisterModel(
    UserManager<SportelloUser> users,
    IdentityStoreDbContext db,
    AccountAudit audit,
    TenantContext tenant,
    PlanLimits limits,
    TimeProvider time,
    IStringLocalizer<IdentityStrings> L) : PageModel
{
    [BindProperty]
    public string DisplayName { get; set; } = string.Empty;

    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    public bool Done { get; private set; }

    public FieldErrors Errors { get; } = new();

    public IActionResult OnGet() => Allowed ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Allowed)
        {
            return NotFound();
        }

        var name = DisplayName.Trim();
        var email = Email.Trim();
        PersonFields.Check(Errors, L, nameof(DisplayName), name, nameof(Email), email);

        foreach (var problem in PasswordRules.Check(Password, users.Options.Password, L))
        {
            Errors.Add(nameof(Password), problem);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            users.PasswordHasher.HashPassword(existing, Password); // the work a new account's password costs
            db.Raise(new SignUpRepeated(existing.Id));
            await audit.RecordAsync(AuditActions.SignUpRepeated, existing, ct: ct);
            Done = true;
            return Page();
        }

        try
        {
            await limits.EnsureAvailableAsync(UserCount.LimitKey, ct: ct);
        }
        catch (SportelloValidationException)
        {
            Errors.Add(nameof(Email), L["Al momento non è possibile registrarsi: lo sportello ha raggiunto il numero massimo di utenti. Contatta l'assistenza."]);
            return Page();
        }

        var user = new SportelloUser { UserName = email, Email = email, DisplayName = name, CreatedUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                Errors.Add(nameof(Password), L[IdentityMessages.Describe(error)]);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, DefaultRoles.Customer);
        db.Raise(new ConfirmationRequested(user.Id));
        db.Raise(new UserSignedUp(user.Id, email, name, user.Culture ?? System.Globalization.CultureInfo.CurrentUICulture.Name));
        await audit.RecordAsync(AuditActions.SignedUp, user, ct: ct);
        Done = true;
        return Page();
    }

    private bool Allowed => tenant.GetModuleSettings<IdentitySettings>(IdentityModule.ModuleId).AllowSignUp;
}
