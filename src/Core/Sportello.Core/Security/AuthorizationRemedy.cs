using Microsoft.AspNetCore.Authorization;

namespace Sportello.Core.Security;

/// <summary>
/// A refusal the user can put right: pages send them to <see cref="Path"/> (inside the tenant, with the page they
/// asked for as <c>returnUrl</c>), APIs answer 403 with <see cref="AuthorizationFailureReason.Message"/>.
/// </summary>
public sealed class AuthorizationRemedy(IAuthorizationHandler handler, string message, string path) : AuthorizationFailureReason(handler, message)
{
    /// <summary>Tenant-relative path of the page that fixes it, for example "/account/two-factor/enable?required=true".</summary>
    public string Path { get; } = path;
}
