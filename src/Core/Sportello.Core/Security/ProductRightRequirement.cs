using Microsoft.AspNetCore.Authorization;

namespace Sportello.Core.Security;

/// <summary>
/// Holding a product right (<see cref="Modules.ProductRight"/>) in an organization, whose id (a <see cref="Guid"/>) is
/// the resource: <c>AuthorizeAsync(User, organizationId, new ProductRightRequirement("pec.manage"))</c>. The kernel only
/// names it; the Organizations module decides it from roles, grants, teams and partners' access.
/// </summary>
public sealed record ProductRightRequirement(string Right) : IAuthorizationRequirement;
