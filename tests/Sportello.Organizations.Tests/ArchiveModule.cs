using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Security;

namespace Sportello.Organizations.Tests;

/// <summary>
/// A product module of the tests, as PEC or SMS will be: two areas with their rights, and a back-office endpoint
/// that shows an organization's documents to support only where the organization let it in.
/// </summary>
public sealed class ArchiveModule : Module
{
    public const string Read = "archive.read";
    public const string Manage = "archive.manage";
    public const string RegistryRead = "registry.read";

    public override string Id => "archive";
    public override string Name => "Archivio";
    public override IReadOnlyList<string> Dependencies => ["organizations"];

    public override IEnumerable<ProductArea> ProductAreas =>
    [
        new("archive", new("Archivio documenti", "Document archive"), [new(Read, new("Vedere i documenti", "See documents")), new(Manage, new("Gestire i documenti", "Manage documents"))]),
        new("registry", new("Registro protocolli", "Protocol registry"), [new(RegistryRead, new("Vedere il registro", "See the registry"))]),
    ];

    public override void ConfigureServices(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddScoped<IClientProductSource>(_ => new Products("archive", new ClientProduct("Fascicolo clienti 2026", "attivo", new DateOnly(2027, 1, 31))));
        services.AddScoped<IClientProductSource>(_ => new Products("registry", new ClientProduct("Registro protocolli riservato", "attivo", null)));
    }

    /// <summary>The same product for every organization, in one area.</summary>
    private sealed class Products(string area, ClientProduct product) : IClientProductSource
    {
        public string Area => area;

        public Task<IReadOnlyList<ClientProduct>> ForAsync(Guid organizationId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<ClientProduct>>([product]);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/archive/{area}/{organizationId:guid}", async (string area, Guid organizationId, ISupportAccess support) =>
                await support.OpenAsync(organizationId, area, $"documenti di {area}") ? Results.Ok(new { documents = 3 }) : Results.NotFound())
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(OrganizationsPermissions.Support));
}
