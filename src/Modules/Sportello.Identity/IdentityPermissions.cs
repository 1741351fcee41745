namespace Sportello.Identity;

public static class IdentityPermissions
{
    /// <summary>Enter the tenant's back office.</summary>
    public const string AdminAccess = "admin.access";

    public const string ManageUsers = "users.manage";

    public const string ManageRoles = "roles.manage";

    /// <summary>Change the tenant's branding.</summary>
    public const string ManageSettings = "settings.manage";
}
