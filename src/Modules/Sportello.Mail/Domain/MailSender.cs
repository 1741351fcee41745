using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Core.Templates;
using Sportello.Core.Tenancy;
using Sportello.Mail.Data;

namespace Sportello.Mail.Domain;

/// <summary>
/// Sends a templated message for the current tenant: its edited template when it renders within the limits,
/// otherwise the default, so a broken template never stops a password reset from going out. A failure is recorded
/// on the template, where the back office shows it.
/// </summary>
public sealed class MailSender(TenantContext tenant, MailDbContext db, MailTemplateCatalog templates, MailTransport transport, TimeProvider time, ILogger<MailSender> logger) : IMailSender
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
        var (subject, body) = await RenderAsync(templateKey, language, Model(values), ct);
        var settings = tenant.GetModuleSettings<MailSettings>(MailModule.ModuleId);
        await transport.SendAsync(tenant.Tenant, settings, new OutgoingMail(to, toName, subject, body), ct);
    }

    /// <summary>The caller's values plus <c>tenant</c> (name and contacts from the branding), as every template sees them.</summary>
    public IReadOnlyDictionary<string, object?> Model(IReadOnlyDictionary<string, object?> values) =>
        new Dictionary<string, object?>(values)
        {
            ["tenant"] = new Dictionary<string, object?>
            {
                ["name"] = tenant.Tenant.DisplayName,
                ["phone"] = tenant.Settings.Branding.CustomerPhone,
                ["hours"] = tenant.Settings.Branding.BusinessHours,
                ["email"] = tenant.Settings.Branding.SupportEmail,
            },
        };

    /// <summary>Renders the tenant's template for the key and language, falling back to the default on any problem.</summary>
    public async Task<(string Subject, string Body)> RenderAsync(string key, string language, IReadOnlyDictionary<string, object?> model, CancellationToken ct)
    {
        var edited = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        if (edited is not null)
        {
            var (subject, body, problem) = Render(edited.Subject, edited.Body, model);
            if (problem is null)
            {
                return (subject, body);
            }

            logger.LogWarning("Template {Key}/{Language} of tenant {TenantName} could not be rendered ({Problem}); the default was sent", key, language, tenant.Name, problem);
            await db.Templates.Where(t => t.Key == key && t.Language == language).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.LastFailureUtc, time.GetUtcNow().UtcDateTime)
                .SetProperty(t => t.LastFailure, problem.Length > 500 ? problem[..500] : problem), ct);
        }

        var (defaultSubject, defaultBody) = templates.Get(key, language);
        var rendered = Render(defaultSubject, defaultBody, model);
        return (rendered.Subject, rendered.Body);
    }

    /// <summary>
    /// Subject as plain text (a header is never HTML: "Prova &lt;b&gt;" stays as typed), body as HTML with every value
    /// encoded; the first problem of either, described with its part.
    /// </summary>
    public static (string Subject, string Body, string? Problem) Render(string subject, string body, IReadOnlyDictionary<string, object?> model)
    {
        var s = LiquidTemplates.Render(subject, model, NullEncoder.Default);
        var b = LiquidTemplates.Render(body, model, HtmlEncoder.Default);
        var problem = s.Problem is { } sp ? $"Oggetto: {sp}" : b.Problem is { } bp ? $"Testo: {bp}" : null;
        return (string.Join(' ', s.Output.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), b.Output, problem);
    }

    private static string Language(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "it";
}
