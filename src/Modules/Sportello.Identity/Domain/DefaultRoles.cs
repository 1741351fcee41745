namespace Sportello.Identity.Domain;

/// <summary>
/// The roles every tenant starts with. Administrators hold every permission of the modules the tenant has enabled;
/// Operators and Customers what those modules grant them (<c>Permission.GrantedTo</c>) and what the tenant adds.
/// </summary>
public static class DefaultRoles
{
    public const string Administrator = "Administrator";
    public const string Operator = "Operator";
    public const string Customer = "Customer";

    public static readonly IReadOnlyDictionary<string, (string Description, string[] Permissions)> All =
        new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
        {
            [Administrator] = ("Personale del rivenditore con tutti i permessi.", []),
            [Operator] = ("Personale del rivenditore che lavora nel back office.", []),
            [Customer] = ("Cliente finale dello sportello.", []),
        };
}
