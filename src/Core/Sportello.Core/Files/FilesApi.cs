using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Files;

/// <summary>
/// <c>GET /api/files/{id}</c>: the one way out for a stored file. Signed in, and either its uploader or a holder of
/// the file's read permission, in the tenant that stored it with its module still on; always as an attachment,
/// with the type the content was recognised as, never sniffed by the browser, never cached.
/// </summary>
public static class FilesApi
{
    public const string Path = "/api/files/{id:guid}";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, DownloadAsync)
            .RequireAuthorization()
            .WithName("file")
            .WithSummary("Downloads a stored file the signed-in user may read.");

    internal static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(
        Guid id, HttpContext context, ITenantFiles files, TenantContext tenant, IAuthorizationService authorization, CancellationToken ct)
    {
        var file = await files.FindAsync(id, ct);

        // One answer for "not there" and "not yours": a stranger learns nothing about which ids exist.
        if (file is null || !tenant.Tenant.IsEnabled(file.Module) && file.Module != Modules.ModuleCatalog.KernelId || !await MayReadAsync(context.User, file, authorization))
        {
            return TypedResults.NotFound();
        }

        var content = await files.ReadAsync(id, ct);
        if (content is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, file.Kind.ContentType(), file.Name);
    }

    private static async Task<bool> MayReadAsync(ClaimsPrincipal user, TenantFile file, IAuthorizationService authorization)
    {
        if (file.UploadedBy is not null && user.FindFirstValue(ClaimTypes.NameIdentifier) == file.UploadedBy)
        {
            return true;
        }

        return file.ReadPermission is { } permission
            && (await authorization.AuthorizeAsync(user, null, new PermissionRequirement(permission))).Succeeded;
    }
}
