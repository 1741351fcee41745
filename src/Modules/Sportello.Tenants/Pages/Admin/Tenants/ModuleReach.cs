using Microsoft.AspNetCore.Routing;
using Sportello.Core.Modules;

namespace Sportello.Tenants.Pages.Admin.Tenants;

/// <summary>
/// What a module puts in front of people, read from the routing table: so an operator about to switch it off is
/// told what stops answering (the home page among them) before confirming.
/// </summary>
public sealed class ModuleReach(EndpointDataSource endpoints)
{
    public sealed record Reach(int Pages, bool ServesHome, IReadOnlyList<string> AdminMenu, IReadOnlyList<string> SiteLinks);

    public Reach Of(Module module)
    {
        var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ModuleEndpointMetadata>()?.ModuleId == module.Id)
            .Select(e => e.RoutePattern.RawText?.Trim('/') ?? string.Empty)
            .Distinct()
            .ToList();
        return new Reach(routes.Count, routes.Contains(string.Empty), module.AdminMenu.Select(m => m.Title).ToList(), module.SiteLinks.Select(l => l.Title).ToList());
    }
}
