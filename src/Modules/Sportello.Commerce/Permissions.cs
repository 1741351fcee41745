using Sportello.Core.Modules;

namespace Sportello.Commerce;

/// <summary>What the tenant's staff may do with customers' shop accounts.</summary>
public static class CommercePermissions
{
    /// <summary>Find shop accounts, reset their passwords, deactivate them and dissociate them from a customer record.</summary>
    public const string Users = "commerce.users";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Users, "Gestire gli utenti e-commerce", "Cercare gli account del negozio, reimpostarne la password, disattivarli e dissociarli da un'anagrafica.", DefaultGrant.Operator),
    ];
}
