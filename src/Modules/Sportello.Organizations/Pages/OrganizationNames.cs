namespace Sportello.Organizations.Pages;

/// <summary>Roles and kinds in words (Italian: the localizer's keys), for the customer area and the back office alike.</summary>
public static class OrganizationNames
{
    public static string Of(OrganizationRole role) => role switch
    {
        OrganizationRole.LegalRepresentative => "Legale rappresentante",
        OrganizationRole.Administrator => "Amministratore",
        _ => "Collaboratore",
    };

    public static string Of(OrganizationKind kind) => kind switch
    {
        OrganizationKind.Person => "Persona",
        OrganizationKind.SoleTrader => "Ditta individuale",
        OrganizationKind.Company => "Società",
        _ => "Ente pubblico",
    };
}
