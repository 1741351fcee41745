using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Sportello.Core.Tenancy;

/// <summary>
/// Caches anonymous GET pages per tenant, tenant version and language, tagged with the tenant so its content can be evicted.
/// A response that sets a cookie or is not 200 is never stored.
/// </summary>
public sealed class TenantOutputCachePolicy : IOutputCachePolicy
{
    public const string Name = "tenant-page";

    public static string Tag(string tenant) => "tenant:" + tenant;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        var cacheable = tenant.HasTenant
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !http.Request.Headers.Authorization.Any();

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (cacheable)
        {
            context.CacheVaryByRules.VaryByValues["tenant"] = tenant.Name;
            context.CacheVaryByRules.VaryByValues["version"] = tenant.Settings.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.CacheVaryByRules.VaryByValues["culture"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
            context.Tags.Add(Tag(tenant.Name));
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
