namespace Sportello.Core.Modules;

/// <summary>
/// Something a role can be granted; declared by the module that checks it, with the default roles that hold it
/// wherever the module is enabled (the Administrator holds every permission), so adding a module never edits Identity.
/// </summary>
public sealed record Permission(string Name, string DisplayName, string Description = "", DefaultGrant GrantedTo = DefaultGrant.None);

/// <summary>The default roles a permission is granted to by the module that declares it.</summary>
[Flags]
public enum DefaultGrant
{
    None = 0,
    Operator = 1,
    Customer = 2,
}
