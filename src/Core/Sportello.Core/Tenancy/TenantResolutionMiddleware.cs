using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sportello.Core.Cluster;
using Sportello.Core.Hosting;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Finds the request's tenant, moves its prefix into PathBase, and puts it into the request's
/// <see cref="TenantContext"/>, culture and log scope. Unknown addresses get 404, unavailable tenants 503.
/// </summary>
internal sealed class TenantResolutionMiddleware(
    RequestDelegate next,
    TenantRegistry registry,
    TenantService tenants,
    CatalogFreshness freshness,
    KnownHosts hosts,
    TimeProvider time,
    IOptions<SportelloOptions> options,
    ILogger<TenantResolutionMiddleware> logger)
{
    private readonly string[] _tenantless = ["/health", .. options.Value.TenantlessPaths];

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        foreach (var tenantless in _tenantless)
        {
            if (path.StartsWithSegments(tenantless))
            {
                await next(context);
                return;
            }
        }

        if (freshness.IsDue)
        {
            await freshness.CheckAsync();
        }

        if (hosts.Enabled && !hosts.IsKnown(context.Request.Host.Host, context.Request.Host.Port))
        {
            await StatusPages.UnknownHostAsync(context);
            return;
        }

        var pathValue = path.Value ?? string.Empty;
        var segment = FirstSegment(pathValue);
        var segmentLength = segment.Length;
        var match = registry.Table.Resolve(context.Request.Host.Host, context.Request.Host.Port, segment);
        if (match is not { } found)
        {
            await StatusPages.UnknownTenantAsync(context);
            return;
        }

        var tenant = found.Tenant;
        tenant.Activity.Touch(time.GetUtcNow().UtcDateTime);
        using var scope = logger.BeginScope(tenant.LogScope);
        if (tenant.Settings.State != TenantState.Running)
        {
            await StatusPages.UnavailableAsync(context, tenant);
            return;
        }

        if (tenant.NeedsUpgrade)
        {
            try
            {
                tenant = await tenants.EnsureUpToDateAsync(tenant, context.RequestAborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Tenant {TenantName} could not be upgraded; answering 503", tenant.Name);
                await StatusPages.UnavailableAsync(context, tenant, maintenance: true);
                return;
            }
        }

        if (found.MatchedPrefix)
        {
            var prefixLength = segmentLength + 1;
            context.Request.PathBase = context.Request.PathBase.Add(new PathString(pathValue[..prefixLength]));
            context.Request.Path = new PathString(pathValue[prefixLength..]);
        }

        context.RequestServices.GetRequiredService<TenantContext>().Set(tenant);
        CultureInfo.CurrentCulture = tenant.Culture;
        CultureInfo.CurrentUICulture = tenant.Culture;
        await next(context);
    }

    private static ReadOnlySpan<char> FirstSegment(string path)
    {
        if (path.Length < 2)
        {
            return [];
        }

        var rest = path.AsSpan(1);
        var slash = rest.IndexOf('/');
        return slash < 0 ? rest : rest[..slash];
    }
}
