using Sportello.Core.Modules;
using Sportello.Core.Tenancy;

namespace Sportello.Themes.Storefront;

/// <summary>The public site's links: those the tenant's enabled modules contribute, in their order.</summary>
public static class SiteNavigation
{
    public static IReadOnlyList<SiteLink> Links(ModuleCatalog modules, Tenant tenant) =>
        modules.Ordered.Where(m => tenant.IsEnabled(m.Id)).SelectMany(m => m.SiteLinks).OrderBy(l => l.Order).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
}
