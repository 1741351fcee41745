using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Pages;

/// <summary>The Italian words the pages show for states and roles; the localizer translates them.</summary>
public static class AccountNames
{
    public static string Status(CustomerAccount account) =>
        !account.Active ? "Disattivato" : account.Invited ? "Invitato" : "Attivo";

    public static string Of(OrganizationRole role) => role switch
    {
        OrganizationRole.LegalRepresentative => "Legale rappresentante",
        OrganizationRole.Administrator => "Amministratore",
        _ => "Collaboratore",
    };
}
