using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Mail.Data;
using Sportello.Mail.Domain;

namespace Sportello.Mail.Pages.Admin.Mail;

/// <summary>
/// Edits one message template. A template that does not parse, or that breaks a limit when rendered with sample
/// values, is never saved: the error names the part, line and column. The preview renders in a sandboxed frame of
/// its own, so the template's HTML can neither run script nor touch the back office.
/// </summary>
[RequirePermission(MailPermissions.Manage)]
public sealed class TemplateModel(MailDbContext db, TenantContext tenant, MailSender mail, MailTemplateCatalog templates, TimeProvider time, IStringLocalizer<MailStrings> L) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string Language { get; set; } = "it";
    [BindProperty] public string Subject { get; set; } = string.Empty;
    [BindProperty] public string Body { get; set; } = string.Empty;

    public string Title => templates.TitleOf(Key);
    public string? Message { get; private set; }
    public MailTemplate? Edited { get; private set; }
    public DateTime Local(DateTime utc) => tenant.Tenant.Local(utc);
    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(bool saved)
    {
        if (!Known())
        {
            return NotFound();
        }

        Edited = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == Key && t.Language == Language);
        (Subject, Body) = Edited is null ? templates.Get(Key, Language) : (Edited.Subject, Edited.Body);
        Message = saved ? L["Modello salvato."].Value : null;
        return Page();
    }

    /// <summary>The preview as a document of its own, loaded in the page's sandboxed frame: the saved template on GET, the typed one on POST.</summary>
    public async Task<IActionResult> OnGetFrameAsync()
    {
        if (!Known())
        {
            return NotFound();
        }

        var edited = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == Key && t.Language == Language);
        (Subject, Body) = edited is null ? templates.Get(Key, Language) : (edited.Subject, edited.Body);
        return Frame();
    }

    public IActionResult OnPostFrame() => Known() ? Frame() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Known())
        {
            return NotFound();
        }

        if (!Check())
        {
            Edited = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == Key && t.Language == Language, ct);
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
            (edited.LastFailureUtc, edited.LastFailure) = (null, null);
        }

        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { Key, Language, saved = true });
    }

    /// <summary>
    /// The saved template (or the default), with sample values, to the signed-in operator's own address: how it
    /// looks in a real mailbox. Never to anyone else, so the page is no way to send mail to strangers.
    /// </summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (!Known())
        {
            return NotFound();
        }

        Edited = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == Key && t.Language == Language, ct);
        (Subject, Body) = Edited is null ? templates.Get(Key, Language) : (Edited.Subject, Edited.Body);
        var address = User.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrEmpty(address))
        {
            return Forbid();
        }

        try
        {
            await mail.SendAsync(Key, address, User.DisplayName(), templates.SampleOf(Key), System.Globalization.CultureInfo.GetCultureInfo(Language == "en" ? "en-GB" : "it-IT"), ct);
            Message = L["Prova inviata a {0}, con valori di esempio: controlla la tua casella.", address].Value;
        }
        catch (MailDeliveryException failed)
        {
            Errors.Add(nameof(Body), L["La prova non è partita: {0}", L[MailDeliveryException.FormatOf(failed.Problem), failed.Server].Value]);
        }

        return Page();
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

    private ContentResult Frame()
    {
        var (subject, body, problem) = MailSender.Render(Subject, Body, SampleModel());
        var html = problem is null
            ? $"<!DOCTYPE html><html lang=\"{Language}\"><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(subject)}</title></head><body>"
              + $"<p style=\"font:600 14px system-ui;border-bottom:1px solid #ccc;padding-bottom:8px\">{System.Net.WebUtility.HtmlEncode(subject)}</p>{body}</body></html>"
            : $"<!DOCTYPE html><html lang=\"{Language}\"><head><meta charset=\"utf-8\"><title>{L["Anteprima"]}</title></head><body><p style=\"color:#a61b1b;font:14px system-ui\">{System.Net.WebUtility.HtmlEncode(problem)}</p></body></html>";

        // Its own rules: no script, no requests anywhere, styles of the template allowed; framed by this site only.
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(html, "text/html; charset=utf-8");
    }

    private IReadOnlyDictionary<string, object?> SampleModel() => mail.Model(templates.SampleOf(Key));

    private bool Known() => templates.IsEditable(Key) && DefaultTemplates.Languages.Contains(Language);

    private bool Check()
    {
        if (string.IsNullOrWhiteSpace(Subject) || Subject.Length > MailTemplate.MaxSubject)
        {
            Errors.Add(nameof(Subject), L["L'oggetto è obbligatorio (al massimo {0} caratteri).", MailTemplate.MaxSubject]);
        }

        if (Body.Length > MailTemplate.MaxBody)
        {
            Errors.Add(nameof(Body), L["Il testo può avere al massimo {0} caratteri.", MailTemplate.MaxBody]);
        }

        if (Errors.Count == 0)
        {
            // Rendered once with sample values: a template that only fails (or runs too long) when used is refused now.
            var (_, _, problem) = MailSender.Render(Subject, Body, SampleModel());
            if (problem is not null)
            {
                Errors.Add(problem.StartsWith("Oggetto", StringComparison.Ordinal) ? nameof(Subject) : nameof(Body), problem);
            }
        }

        return Errors.Count == 0;
    }
}
