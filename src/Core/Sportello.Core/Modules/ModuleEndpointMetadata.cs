namespace Sportello.Core.Modules;

/// <summary>Marks an endpoint as belonging to a module, so requests for it 404 on tenants that lack the module.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
