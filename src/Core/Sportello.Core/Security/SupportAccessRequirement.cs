using Microsoft.AspNetCore.Authorization;

namespace Sportello.Core.Security;

/// <summary>
/// A tenant operator may open a customer's content in one product area (<see cref="Modules.ProductArea.Key"/>)
/// because the organization, whose id (a <see cref="Guid"/>) is the resource, let support in there and the grant has
/// not closed. Decided by the Organizations module; the module showing the content records each opening through
/// <c>ISupportAccess</c>.
/// </summary>
public sealed record SupportAccessRequirement(string Area) : IAuthorizationRequirement;
