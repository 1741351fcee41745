namespace Sportello.Tenants;

public static class TenantsPermissions
{
    public const string View = "tenants.view";
    public const string Manage = "tenants.manage";
}
