using Microsoft.AspNetCore.Identity;

namespace Sportello.Identity.Data;

/// <summary>A person who signs in to one tenant; the e-mail address is the login identifier.</summary>
public sealed class SportelloUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Preferred UI culture (it-IT, en-GB); null means the tenant's default.</summary>
    public string? Culture { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastSignInUtc { get; set; }

    /// <summary>An operator set the password and told it to the customer: they choose their own at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Invited and not yet arrived: no password chosen, never signed in.</summary>
    public bool IsInvited => PasswordHash is null && LastSignInUtc is null;
}
