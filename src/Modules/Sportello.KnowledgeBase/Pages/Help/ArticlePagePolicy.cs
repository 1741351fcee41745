using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Help;

/// <summary>
/// The tenant page cache for guide pages, which also counts each view, whether the page came from the cache or
/// was rendered: a page handler alone would miss every cached view.
/// </summary>
internal sealed class ArticlePagePolicy : IOutputCachePolicy
{
    public const string Name = "kb-article";

    private readonly TenantOutputCachePolicy _tenantPages = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct) => _tenantPages.CacheRequestAsync(context, ct);

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct)
    {
        Count(context.HttpContext);
        return _tenantPages.ServeFromCacheAsync(context, ct);
    }

    public async ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        await _tenantPages.ServeResponseAsync(context, ct);
        if (context.HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            Count(context.HttpContext);
        }
    }

    private static void Count(HttpContext http)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        if (tenant.HasTenant && HttpMethods.IsGet(http.Request.Method) && http.Request.RouteValues["slug"] is string slug)
        {
            http.RequestServices.GetRequiredService<ArticleViews>().Count(tenant.Name, slug);
        }
    }
}
