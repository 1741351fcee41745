using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Mail.Data;
using Sportello.Mail.Domain;

namespace Sportello.Mail.Pages.Admin.Mail;

/// <summary>
/// The tenant's sender, its own SMTP server if it has one, and the list of message templates. A new sender address
/// is used only once a link sent to it has been opened; a server must be reachable from the Internet.
/// </summary>
[RequirePermission(MailPermissions.Manage)]
public sealed class IndexModel(
    TenantContext tenant,
    TenantService tenants,
    MailDbContext db,
    MailSender mail,
    MailTemplateCatalog templates,
    SenderVerification verification,
    TenantLinks links,
    OutboundAddresses outbound,
    IDataProtectionProvider protection,
    IOptions<PlatformMailOptions> platform,
    IStringLocalizer<MailStrings> L) : PageModel
{
    public sealed record TemplateRow(string Key, string Title, string Language, bool Edited, DateTime? LastFailureUtc);

    [BindProperty] public string? SenderName { get; set; }
    [BindProperty] public string? SenderAddress { get; set; }
    [BindProperty] public string? SmtpHost { get; set; }
    [BindProperty] public int SmtpPort { get; set; } = 587;
    [BindProperty] public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;
    [BindProperty] public string? SmtpUserName { get; set; }
    [BindProperty] public string? SmtpPassword { get; set; }

    public string? Message { get; private set; }
    public FieldErrors Errors { get; } = new();
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];
    public MailSettings Current => _saved ?? tenant.GetModuleSettings<MailSettings>(MailModule.ModuleId);

    /// <summary>What went wrong after the settings were saved (the verification e-mail), for an alert.</summary>
    public string? Problem { get; private set; }

    // The settings just saved, when the page is shown again in the same request (the tenant's snapshot is older).
    private MailSettings? _saved;
    public string PlatformSender => platform.Value.SenderAddress;
    public DateTime Local(DateTime utc) => tenant.Tenant.Local(utc);

    public async Task OnGetAsync(string? done)
    {
        Message = done switch
        {
            "saved" => L["Impostazioni salvate."].Value,
            "verify" => L["Impostazioni salvate. Abbiamo inviato all'indirizzo del mittente un collegamento per confermarlo."].Value,
            "resent" => L["Collegamento di conferma inviato di nuovo."].Value,
            _ => null,
        };
        Fill(Current);
        await LoadTemplatesAsync();
    }

    private void Fill(MailSettings current)
    {
        (SenderName, SenderAddress) = (current.SenderName, current.SenderAddress);
        if (current.Smtp is { } smtp)
        {
            (SmtpHost, SmtpPort, SmtpSecurity, SmtpUserName) = (smtp.Host, smtp.Port, smtp.Security, smtp.UserName);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var senderAddress = Blank(SenderAddress);
        var host = Blank(SmtpHost);
        if (SenderName?.Trim().Length > MailSettings.MaxSenderName)
        {
            Errors.Add(nameof(SenderName), L["Il nome del mittente può avere al massimo {0} caratteri.", MailSettings.MaxSenderName]);
        }

        if (senderAddress is not null && EmailAddress.Check(senderAddress) is not null)
        {
            Errors.Add(nameof(SenderAddress), L["L'indirizzo del mittente non è valido."]);
        }
        else if (senderAddress is not null && !tenant.Settings.IsDefault
            && MailSettings.DomainOf(senderAddress) == MailSettings.DomainOf(platform.Value.SenderAddress))
        {
            Errors.Add(nameof(SenderAddress), L["Il dominio {0} è della piattaforma: usa un indirizzo di un dominio tuo.", MailSettings.DomainOf(senderAddress)]);
        }

        if (host is not null && SmtpPort is < 1 or > 65535)
        {
            Errors.Add(nameof(SmtpPort), L["La porta SMTP deve essere tra 1 e 65535."]);
        }

        if (host is not null && host.Length > 253)
        {
            Errors.Add(nameof(SmtpHost), L["Il nome del server può avere al massimo 253 caratteri."]);
        }
        else if (host is not null)
        {
            try
            {
                await outbound.ResolveAsync(host, nameof(SmtpHost), ct);
            }
            catch (SportelloValidationException ex)
            {
                Errors.Add(nameof(SmtpHost), L[ex.Problems[0].Message]);
            }
        }

        if (Errors.Count > 0)
        {
            await LoadTemplatesAsync();
            return Page();
        }

        var previous = Current;
        var settings = previous with
        {
            SenderName = Blank(SenderName),
            SenderAddress = senderAddress,
            Smtp = host is null ? null : new SmtpSettings
            {
                Host = host,
                Port = SmtpPort,
                Security = SmtpSecurity,
                UserName = Blank(SmtpUserName),
                // Stored protected with this tenant's keys; an empty field keeps the password already saved.
                ProtectedPassword = string.IsNullOrEmpty(SmtpPassword)
                    ? previous.Smtp?.ProtectedPassword
                    : protection.CreateProtector(MailTransport.PasswordPurpose).Protect(SmtpPassword),
            },
        };
        await SaveAsync(settings, ct);
        var verify = senderAddress is not null && !settings.SenderVerified && senderAddress != previous.SenderAddress;
        if (verify && await TrySendVerificationAsync(senderAddress!, ct) is { } problem)
        {
            _saved = settings;
            Problem = L["Impostazioni salvate, ma il collegamento di conferma non è partito. {0}", problem];
            await LoadTemplatesAsync();
            return Page();
        }

        return RedirectToPage(new { done = verify ? "verify" : "saved" });
    }

    public async Task<IActionResult> OnPostResendVerificationAsync(CancellationToken ct)
    {
        if (Current is { SenderAddress: { } address, SenderVerified: false } && await TrySendVerificationAsync(address, ct) is { } problem)
        {
            Problem = L["Il collegamento di conferma non è partito. {0}", problem];
            Fill(Current);
            await LoadTemplatesAsync();
            return Page();
        }

        return RedirectToPage(new { done = "resent" });
    }

    /// <summary>Sends the verification link; why it did not leave, or null when it did.</summary>
    private async Task<string?> TrySendVerificationAsync(string address, CancellationToken ct)
    {
        try
        {
            await mail.SendAsync(DefaultTemplates.VerifySender, address, null, new Dictionary<string, object?>
            {
                ["link"] = links.To(SenderVerification.Path, [new("token", verification.TokenFor(address))]),
            }, ct: ct);
            return null;
        }
        catch (MailDeliveryException ex)
        {
            return L[MailDeliveryException.FormatOf(ex.Problem), ex.Server];
        }
    }

    private Task SaveAsync(MailSettings settings, CancellationToken ct) =>
        tenants.UpdateAsync(tenant.Name, s => s.WithModuleSettings(MailModule.ModuleId, settings with
        {
            // Verified meanwhile (the link opened in another tab) stays verified.
            VerifiedDomains = s.ModuleSettingsOf<MailSettings>(MailModule.ModuleId).VerifiedDomains,
        }), ct);

    private async Task LoadTemplatesAsync()
    {
        var edited = await db.Templates.AsNoTracking().Select(t => new { t.Key, t.Language, t.LastFailureUtc }).ToListAsync();
        Templates = templates.Titles
            .SelectMany(title => DefaultTemplates.Languages.Select(language =>
            {
                var row = edited.FirstOrDefault(e => e.Key == title.Key && e.Language == language);
                return new TemplateRow(title.Key, title.Value, language, row is not null, row?.LastFailureUtc);
            }))
            .ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
