using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Sportello.Host.Tests;

/// <summary>Endpoints that fail on purpose, to see what a visitor and an API client get back.</summary>
public sealed class FaultsModule : Sportello.Core.Modules.Module
{
    public override string Id => "faults";
    public override string Name => "Faults";

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/boom", string () => throw new InvalidOperationException("secret detail of an API failure"));
        endpoints.MapGet("/boom", string () => throw new InvalidOperationException("secret detail of a page failure"));
    }
}
