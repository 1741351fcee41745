using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Account;

/// <summary>Self-service sign-up, when the tenant allows it: a Customer account that works once its e-mail is confirmed.</summary>
public sealed class RegisterModel(
    UserManager<SportelloUser> users,
    AccountMail mail,
    AuditLog audit,
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

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IActionResult OnGet() => Allowed ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Allowed)
        {
            return NotFound();
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 200)
        {
            errors.Add(L["Scrivi nome e cognome (al massimo 200 caratteri)."]);
        }

        if (EmailAddress.Check(Email) is not null)
        {
            errors.Add(L["Scrivi un indirizzo e-mail valido (esempio: nome@dominio.it)."]);
        }

        errors.AddRange(PasswordRules.Check(Password, users.Options.Password, L));
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var email = Email.Trim();
        if (await users.FindByEmailAsync(email) is null)
        {
            try
            {
                await limits.EnsureAvailableAsync(UserCount.LimitKey, ct: ct);
            }
            catch (SportelloValidationException)
            {
                Errors = [L["Al momento non è possibile registrarsi: lo sportello ha raggiunto il numero massimo di utenti. Contatta l'assistenza."]];
                return Page();
            }

            var user = new SportelloUser
            {
                UserName = email,
                Email = email,
                DisplayName = DisplayName.Trim(),
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                Errors = created.Errors.Select(IdentityMessages.Describe).ToList();
                return Page();
            }

            await users.AddToRoleAsync(user, DefaultRoles.Customer);
            await audit.RecordAsync(AuditActions.SignedUp, user, ct: ct);
            await mail.SendEmailConfirmationAsync(user, ct);
        }

        // An address already registered gets the same page: sign-up does not reveal who has an account.
        Done = true;
        return Page();
    }

    private bool Allowed => tenant.GetModuleSettings<IdentitySettings>(IdentityModule.ModuleId).AllowSignUp;
}
