using Microsoft.AspNetCore.Identity;

namespace Sportello.Identity.Data;

/// <summary>A role of one tenant; its permissions are role claims of type "permission".</summary>
public sealed class SportelloRole : IdentityRole
{
    public SportelloRole()
    {
    }

    public SportelloRole(string name) : base(name)
    {
    }

    public string? Description { get; set; }
}
