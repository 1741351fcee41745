using Sportello.Core.Modules;

namespace Sportello.Identity;

/// <summary>What the Identity module lets a role do.</summary>
public static class IdentityPermissions
{
    public const string ManageUsers = "users.manage";

    public const string ManageRoles = "roles.manage";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(ManageUsers, "Gestire gli utenti", "Invitare, bloccare e sbloccare utenti."),
        new(ManageRoles, "Gestire i ruoli", "Creare ruoli e assegnare permessi."),
    ];
}
