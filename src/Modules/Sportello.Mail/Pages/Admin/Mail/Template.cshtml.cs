using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Mail.Data;
using Sportello.Mail.Domain;

namespace Sportello.Mail.Pages.Admin.Mail;

/// <summary>
/// Edits one message template. A template that does not parse is never saved: the error names its line and column,
/// and the preview renders it with sample values before anything is sent to anyone.
/// </summary>
[RequirePermission(MailModule.ManagePermission)]
public sealed class TemplateModel(MailDbContext db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string Language { get; set; } = "it";
    [BindProperty] public string Subject { get; set; } = string.Empty;
    [BindProperty] public string Body { get; set; } = string.Empty;

    public string? PreviewSubject { get; private set; }
    public string? PreviewBody { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool saved)
    {
        if (!Known())
        {
            return NotFound();
        }

        var edited = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == Key && t.Language == Language);
        (Subject, Body) = edited is null ? DefaultTemplates.Get(Key, Language) : (edited.Subject, edited.Body);
        Message = saved ? "Modello salvato." : null;
        return Page();
    }

    public IActionResult OnPostPreview()
    {
        if (!Known())
        {
            return NotFound();
        }

        if (Check())
        {
            var model = SampleModel.For(tenant.Tenant.DisplayName, tenant.Settings.Branding.CustomerPhone, tenant.Settings.Branding.BusinessHours);
            TemplateRenderer.TryRender(Subject, model, out var subject, out _);
            TemplateRenderer.TryRender(Body, model, out var body, out _);
            (PreviewSubject, PreviewBody) = (subject, body);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Known())
        {
            return NotFound();
        }

        if (!Check())
        {
            return Page();
        }

        var edited = await db.Templates.SingleOrDefaultAsync(t => t.Key == Key && t.Language == Language, ct);
        if (edited is null)
        {
            db.Templates.Add(new MailTemplate { Key = Key, Language = Language, Subject = Subject, Body = Body, UpdatedUtc = time.GetUtcNow().UtcDateTime });
        }
        else
        {
            (edited.Subject, edited.Body, edited.UpdatedUtc) = (Subject, Body, time.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { Key, Language, saved = true });
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (!Known())
        {
            return NotFound();
        }

        await db.Templates.Where(t => t.Key == Key && t.Language == Language).ExecuteDeleteAsync(ct);
        return RedirectToPage(new { Key, Language, saved = true });
    }

    private bool Known() => DefaultTemplates.Keys.Contains(Key) && DefaultTemplates.Languages.Contains(Language);

    private bool Check()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Subject) || Subject.Length > 300)
        {
            errors.Add("L'oggetto è obbligatorio (al massimo 300 caratteri).");
        }

        if (TemplateRenderer.Check(Subject) is { } subjectError)
        {
            errors.Add($"Oggetto: {subjectError}");
        }

        if (TemplateRenderer.Check(Body) is { } bodyError)
        {
            errors.Add($"Testo: {bodyError}");
        }

        Errors = errors;
        return errors.Count == 0;
    }
}
