using Microsoft.AspNetCore.Http;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Security;

/// <summary>
/// A cookie whose name carries the current tenant and whose path is the tenant's prefix. The Default tenant's
/// cookies (path "/") are also sent to "/demo/..."; with a name of their own they can never be taken for the
/// demo tenant's, and data protection rejects them anyway.
/// </summary>
public sealed class TenantCookieBuilder : CookieBuilder
{
    private readonly string _baseName;

    public TenantCookieBuilder(CookieBuilder template, string baseName)
    {
        _baseName = baseName;
        Domain = template.Domain;
        Path = template.Path;
        HttpOnly = template.HttpOnly;
        SameSite = template.SameSite;
        SecurePolicy = template.SecurePolicy;
        Expiration = template.Expiration;
        MaxAge = template.MaxAge;
        IsEssential = template.IsEssential;
        foreach (var extension in template.Extensions)
        {
            Extensions.Add(extension);
        }
    }

    public override string? Name
    {
        get => TenantContext.Current is { } tenant ? $"{_baseName}.{tenant.Name}" : _baseName;
        set { }
    }

    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        if (Path is null)
        {
            options.Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/";
        }

        return options;
    }
}
