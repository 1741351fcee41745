using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Core.Web;

namespace Sportello.Core.Hosting;

public static class SportelloApplicationBuilderExtensions
{
    /// <summary>
    /// The request pipeline: tenant resolution, error handling (problem details under /api, branded pages elsewhere),
    /// routing, module gating, authentication and authorization, output cache; then health probes, pages and every
    /// module's endpoints.
    /// </summary>
    public static WebApplication UseSportello(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SportelloOptions>>().Value;
        if (options.Proxies.Configured)
        {
            // First of all, so the client's address and scheme are right for host filtering, rate limits and cookies.
            app.UseForwardedHeaders(ProxyHeaders.For(options.Proxies));
        }

        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            // Only over HTTPS (behind a proxy too, once its X-Forwarded-Proto is believed).
            app.UseHsts();
        }

        // Last resort for failures outside a tenant (health probes, resolution itself): problem details, no stack trace.
        app.UseExceptionHandler();
        app.UseMiddleware<TenantResolutionMiddleware>();

        // Inside a tenant, so a re-executed error page is rendered with the tenant's own branding.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StoreConflicts.StatusCode });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = StoreConflicts.StatusCode });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });

        app.UseRouting();
        app.UseMiddleware<ModuleGatingMiddleware>();
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<ApiAntiforgery>();
        app.UseOutputCache();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapGet(ApiAntiforgery.TokenPath, ApiAntiforgery.Token);
        ValidationApi.Map(app);
        Files.FilesApi.Map(app);
        app.MapOpenApi(TenantOpenApi.Pattern).AllowAnonymous();
        app.MapGet(BrandingStyle.Path, BrandingStyle.Serve).ExcludeFromDescription();
        app.MapGet(BrandingStyle.IconPath, BrandingStyle.ServeIcon).ExcludeFromDescription();
        app.MapStaticAssets();
        app.MapRazorPages();

        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var module in catalog.Ordered)
        {
            // Every module's API turns refusals into problem details the same way (Web/ApiRefusals.cs).
            module.MapEndpoints(app.MapGroup(string.Empty).WithMetadata(new ModuleEndpointMetadata(module.Id)).AddEndpointFilter(ApiRefusals.FilterAsync));
        }

        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
