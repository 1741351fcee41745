using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Web;

/// <summary>
/// <c>GET /api/openapi.json</c> in every tenant: the OpenAPI document of the kernel's endpoints and of the modules
/// enabled for that tenant (Microsoft.AspNetCore.OpenApi), with the tenant's configured address as its server.
/// </summary>
public static partial class TenantOpenApi
{
    public const string DocumentName = "openapi";
    public const string Pattern = "/api/{documentName}.json";

    [GeneratedRegex(@"\{([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    // "/api/tenants/" (a group's root) and "/api/tenants" are one path.
    private static string Key(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    public static void Add(IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, context, _) =>
        {
            var request = context.ApplicationServices.GetRequiredService<IHttpContextAccessor>().HttpContext?.RequestServices;
            var tenant = request?.GetRequiredService<TenantContext>();
            if (tenant is not { HasTenant: true })
            {
                return Task.CompletedTask;
            }

            var shown = context.DescriptionGroups.SelectMany(g => g.Items)
                .Where(d => d.ActionDescriptor.EndpointMetadata.OfType<ModuleEndpointMetadata>().FirstOrDefault() is not { } module
                    || tenant.Tenant.IsEnabled(module.ModuleId))
                .Select(d => Key("/" + RouteParameter().Replace(d.RelativePath ?? string.Empty, "{$1}")))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var path in document.Paths.Keys.Where(p => !shown.Contains(Key(p))).ToList())
            {
                document.Paths.Remove(path);
            }

            document.Info.Title = $"{tenant.Tenant.DisplayName} API";
            document.Servers = [new OpenApiServer { Url = request!.GetRequiredService<TenantLinks>().BaseUrl }];
            return Task.CompletedTask;
        }));
}
