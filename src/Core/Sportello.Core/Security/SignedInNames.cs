using System.Security.Claims;

namespace Sportello.Core.Security;

/// <summary>The signed-in person's name as Identity put it in the cookie (claim <c>display_name</c>), for audit entries and decisions.</summary>
public static class SignedInNames
{
    public const string ClaimType = "display_name";

    /// <summary>The display name, else the user name; null for someone not signed in.</summary>
    public static string? DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimType) is { Length: > 0 } name ? name : user.Identity?.Name;
}
