using Sportello.Core.Modules;

namespace Sportello.Tenants;

/// <summary>What the Tenants module lets a role of the Default tenant do.</summary>
public static class TenantsPermissions
{
    public const string View = "tenants.view";
    public const string Manage = "tenants.manage";

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(View, "Vedere i tenant", "Consultare l'elenco dei tenant della piattaforma."),
        new(Manage, "Gestire i tenant", "Creare, sospendere, esportare e rimuovere tenant."),
    ];
}
