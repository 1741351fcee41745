namespace Sportello.Identity.Domain;

/// <summary>
/// The built-in roles are stored under stable English keys; people see them in their language. A role the tenant
/// created is shown as it was named.
/// </summary>
public static class RoleNames
{
    public static string Display(string role) => role switch
    {
        DefaultRoles.Administrator => "Amministratore",
        DefaultRoles.Operator => "Operatore",
        DefaultRoles.Customer => "Cliente",
        _ => role,
    };
}
