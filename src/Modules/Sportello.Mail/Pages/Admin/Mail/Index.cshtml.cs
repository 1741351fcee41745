using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Mail.Data;
using Sportello.Mail.Domain;

namespace Sportello.Mail.Pages.Admin.Mail;

/// <summary>The tenant's sender, its own SMTP server if it has one, and the list of message templates.</summary>
[RequirePermission(MailModule.ManagePermission)]
public sealed class IndexModel(TenantContext tenant, TenantService tenants, MailDbContext db, IDataProtectionProvider protection) : PageModel
{
    public sealed record TemplateRow(string Key, string Language, bool Edited);

    [BindProperty] public string? SenderName { get; set; }
    [BindProperty] public string? SenderAddress { get; set; }
    [BindProperty] public string? SmtpHost { get; set; }
    [BindProperty] public int SmtpPort { get; set; } = 587;
    [BindProperty] public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;
    [BindProperty] public string? SmtpUserName { get; set; }
    [BindProperty] public string? SmtpPassword { get; set; }

    public bool Saved { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];

    private MailSettings Current => tenant.GetModuleSettings<MailSettings>(MailModule.ModuleId);

    public async Task OnGetAsync(bool saved)
    {
        Saved = saved;
        var current = Current;
        (SenderName, SenderAddress) = (current.SenderName, current.SenderAddress);
        if (current.Smtp is { } smtp)
        {
            (SmtpHost, SmtpPort, SmtpSecurity, SmtpUserName) = (smtp.Host, smtp.Port, smtp.Security, smtp.UserName);
        }

        await LoadTemplatesAsync();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(SenderAddress) && EmailAddress.Check(SenderAddress) is not null)
        {
            errors.Add("L'indirizzo del mittente non è valido.");
        }

        if (!string.IsNullOrWhiteSpace(SmtpHost) && SmtpPort is < 1 or > 65535)
        {
            errors.Add("La porta SMTP deve essere tra 1 e 65535.");
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            await LoadTemplatesAsync();
            return Page();
        }

        var previous = Current.Smtp;
        var settings = new MailSettings
        {
            SenderName = Blank(SenderName),
            SenderAddress = Blank(SenderAddress),
            Smtp = string.IsNullOrWhiteSpace(SmtpHost) ? null : new SmtpSettings
            {
                Host = SmtpHost.Trim(),
                Port = SmtpPort,
                Security = SmtpSecurity,
                UserName = Blank(SmtpUserName),
                // Stored protected with this tenant's keys; an empty field keeps the password already saved.
                ProtectedPassword = string.IsNullOrEmpty(SmtpPassword)
                    ? previous?.ProtectedPassword
                    : protection.CreateProtector(MailTransport.PasswordPurpose).Protect(SmtpPassword),
            },
        };
        var json = System.Text.Json.JsonSerializer.SerializeToElement(settings, SportelloJson.Options);
        await tenants.UpdateAsync(tenant.Name, s => s with
        {
            ModuleSettings = new Dictionary<string, System.Text.Json.JsonElement>(s.ModuleSettings) { [MailModule.ModuleId] = json },
        }, ct);
        return RedirectToPage(new { saved = true });
    }

    private async Task LoadTemplatesAsync()
    {
        var edited = await db.Templates.AsNoTracking().Select(t => new { t.Key, t.Language }).ToListAsync();
        Templates = DefaultTemplates.Keys
            .SelectMany(key => DefaultTemplates.Languages.Select(language => new TemplateRow(key, language, edited.Any(e => e.Key == key && e.Language == language))))
            .ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
