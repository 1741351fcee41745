using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Core.Tenancy;
using Sportello.Mail.Data;

namespace Sportello.Mail.Domain;

/// <summary>
/// Sends a templated message for the current tenant: its edited template when it has one that works, otherwise
/// the default, so a broken template never stops a password reset from going out.
/// </summary>
public sealed class MailSender(TenantContext tenant, MailDbContext db, MailTransport transport, ILogger<MailSender> logger)
{
    public async Task SendAsync(
        string templateKey,
        string to,
        string? toName,
        IReadOnlyDictionary<string, object?> values,
        CultureInfo? culture = null,
        CancellationToken ct = default)
    {
        var language = Language(culture ?? tenant.Tenant.Culture);
        var model = new Dictionary<string, object?>(values)
        {
            ["tenant"] = new Dictionary<string, object?>
            {
                ["name"] = tenant.Tenant.DisplayName,
                ["phone"] = tenant.Settings.Branding.CustomerPhone,
                ["hours"] = tenant.Settings.Branding.BusinessHours,
                ["email"] = tenant.Settings.Branding.SupportEmail,
            },
        };

        var (subject, body) = await RenderAsync(templateKey, language, model, ct);
        var settings = tenant.GetModuleSettings<MailSettings>(MailModule.ModuleId);
        await transport.SendAsync(tenant.Tenant, settings, new OutgoingMail(to, toName, subject, body), ct);
    }

    /// <summary>Renders the tenant's template for the key and language, falling back to the default on any error.</summary>
    public async Task<(string Subject, string Body)> RenderAsync(string key, string language, IReadOnlyDictionary<string, object?> model, CancellationToken ct)
    {
        var edited = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        if (edited is not null)
        {
            if (TemplateRenderer.TryRender(edited.Subject, model, out var subject, out var subjectError)
                && TemplateRenderer.TryRender(edited.Body, model, out var body, out var bodyError))
            {
                return (subject, body);
            }

            logger.LogWarning("Template {Key}/{Language} of tenant {TenantName} is broken; the default was sent", key, language, tenant.Name);
        }

        var (defaultSubject, defaultBody) = DefaultTemplates.Get(key, language);
        TemplateRenderer.TryRender(defaultSubject, model, out var s, out _);
        TemplateRenderer.TryRender(defaultBody, model, out var b, out _);
        return (s, b);
    }

    private static string Language(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "it";
}
