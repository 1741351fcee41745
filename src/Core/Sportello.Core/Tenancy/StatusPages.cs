using System.Net;
using Microsoft.AspNetCore.Http;

namespace Sportello.Core.Tenancy;

/// <summary>
/// The pages the kernel answers before any module runs: no tenant for this address, tenant suspended or
/// still being prepared. Deliberately plain HTML so they work even when nothing else of the tenant can.
/// </summary>
internal static class StatusPages
{
    public static Task UnknownTenantAsync(HttpContext context) =>
        PlatformAnswerAsync(context, StatusCodes.Status404NotFound, "Not Found", "No tenant answers at this address.",
            "Pagina non trovata", "A questo indirizzo non risponde nessuno sportello. Controlla l'indirizzo e riprova.",
            "Page not found: no service answers at this address.");

    /// <summary>A Host header that neither a tenant nor the platform answers to: refused, as host filtering does.</summary>
    public static Task UnknownHostAsync(HttpContext context) =>
        PlatformAnswerAsync(context, StatusCodes.Status400BadRequest, "Bad Request", "This address is not served here.",
            "Indirizzo non riconosciuto", "Questo indirizzo non è servito da questa piattaforma. Controlla l'indirizzo e riprova.",
            "Unknown address: this host is not served here.");

    // API clients get the same problem details they get inside a tenant; browsers a plain page of the platform.
    private static Task PlatformAnswerAsync(HttpContext context, int status, string problemTitle, string problemDetail,
        string title, string message, string english) =>
        WantsJson(context)
            ? Results.Problem(statusCode: status, title: problemTitle, detail: problemDetail).ExecuteAsync(context)
            : WriteAsync(context, status, "Sportello", "#0b5cad", title, message, english);

    private static bool WantsJson(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains("json", StringComparison.OrdinalIgnoreCase));

    public static Task UnavailableAsync(HttpContext context, Tenant tenant, bool maintenance = false)
    {
        var branding = tenant.Settings.Branding;
        var contact = branding.CustomerPhone is { } phone ? $" al numero {phone}." : ".";
        var (retryAfter, title, message, english) = (maintenance, tenant.Settings.State) switch
        {
            (true, _) => ("60", "Sportello in manutenzione",
                "Stiamo aggiornando questo sportello. Riprova tra qualche minuto.",
                "This service is being updated. Please try again in a few minutes."),
            (_, TenantState.Uninitialized) => ("30", "Stiamo preparando il servizio",
                "Questo sportello è in fase di attivazione. Riprova tra qualche istante.",
                "This service is being set up. Please try again shortly."),
            _ => ("3600", "Servizio momentaneamente sospeso",
                "Questo sportello al momento non è disponibile. Per assistenza contatta il tuo rivenditore" + contact,
                "This service is temporarily unavailable."),
        };
        context.Response.Headers.RetryAfter = retryAfter;
        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, tenant.DisplayName, branding.PrimaryColor, title, message, english);
    }

    private static Task WriteAsync(HttpContext context, int status, string brand, string color, string title, string message, string english)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        // Plain pages with their own small style sheet inline, and nothing else.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="it">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · {{E(brand)}}</title>
            <style>:root{--brand-primary:{{E(color)}}}body{font-family:system-ui,sans-serif;margin:0;color:#1d2330}
            header{background:var(--brand-primary);color:#fff;padding:1rem 1.5rem;font-weight:600}
            main{max-width:40rem;margin:3rem auto;padding:0 1.5rem}p.en{color:#555}</style></head>
            <body><header>{{E(brand)}}</header><main><h1>{{E(title)}}</h1><p>{{E(message)}}</p>
            <p class="en" lang="en">{{E(english)}}</p></main></body></html>
            """;
        return context.Response.WriteAsync(html);
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
