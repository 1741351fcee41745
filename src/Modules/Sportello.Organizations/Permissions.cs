using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// What the tenant's staff may do with organizations. What members may do inside their own organization is not a
/// tenant permission: it follows from their role there (<see cref="Domain.OrganizationRight"/>).
/// </summary>
public static class OrganizationsPermissions
{
    /// <summary>Find organizations in the back office and read their data and members.</summary>
    public const string View = "organizations.view";

    /// <summary>Open a customer's content in the product areas it let support into (each opening is recorded for the customer).</summary>
    public const string Support = "organizations.support";

    /// <summary>Decide on partner applications, set benefits, end partnerships and the yearly threshold.</summary>
    public const string Partners = "organizations.partners";

    /// <summary>Open identity checks, see the document photos and approve or reject them.</summary>
    public const string IdentityChecks = "organizations.identity-checks";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Vedere le organizzazioni dei clienti", "Cercare le organizzazioni e leggerne dati e membri.", DefaultGrant.Operator),
        new(Partners, "Gestire il programma partner", "Approvare o respingere le domande dei partner, stabilire sconti e cashback, terminare le collaborazioni.", DefaultGrant.Operator),
        new(IdentityChecks, "Verificare l'identità degli utenti", "Aprire verifiche d'identità, vedere le foto dei documenti e approvarle o respingerle.", DefaultGrant.Operator),
        new(Support, "Assistere i clienti nei loro servizi", "Aprire i contenuti di un cliente nelle aree in cui ha consentito l'accesso all'assistenza.", DefaultGrant.Operator),
    ];
}
