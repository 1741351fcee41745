using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Mail.Domain;

namespace Sportello.Mail.Pages.Mail;

/// <summary>
/// Where the sender-verification link leads. Opening it shows what is being confirmed; only pressing the button
/// (a post) adds the address's domain to the tenant's verified domains, so a mail scanner that follows links
/// confirms nothing.
/// </summary>
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class VerifySenderModel(SenderVerification verification, TenantContext tenant, TenantService tenants) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Address { get; private set; }

    public bool Confirmed { get; private set; }

    public void OnGet() => Address = verification.AddressOf(Token);

    public async Task OnPostAsync(CancellationToken ct)
    {
        Address = verification.AddressOf(Token);
        if (Address is null)
        {
            return;
        }

        var domain = MailSettings.DomainOf(Address);
        await tenants.UpdateAsync(tenant.Name, s =>
        {
            var current = s.ModuleSettingsOf<MailSettings>(MailModule.ModuleId);
            return current.VerifiedDomains.Contains(domain, StringComparer.OrdinalIgnoreCase)
                ? s
                : s.WithModuleSettings(MailModule.ModuleId, current with { VerifiedDomains = [.. current.VerifiedDomains, domain] });
        }, ct);
        Confirmed = true;
    }
}
