using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Localization;

/// <summary>
/// Which language a request is answered in: an explicit choice (?culture=en, or the language cookie), then the
/// signed-in user's preference (claim "culture"), then the tenant's default. Italian first, English second; the bare
/// languages ("it", "en") are accepted too.
/// </summary>
public static class SportelloCultures
{
    public const string UserClaim = "culture";

    public static readonly IReadOnlyList<CultureInfo> Supported =
        new[] { "it-IT", "en-GB", "it-CH", "en-US", "it", "en" }.Select(CultureInfo.GetCultureInfo).ToList();

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture("it-IT");
        options.SupportedCultures = Supported.ToList();
        options.SupportedUICultures = Supported.ToList();
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(context => Result(context.User.FindFirst(UserClaim)?.Value)),
            new CustomRequestCultureProvider(context =>
            {
                var tenant = context.RequestServices.GetRequiredService<TenantContext>();
                return Result(tenant.HasTenant ? tenant.Tenant.Culture.Name : null);
            }),
        ];
    }

    private static Task<ProviderCultureResult?> Result(string? culture) =>
        Task.FromResult(string.IsNullOrEmpty(culture) ? null : new ProviderCultureResult(culture));
}
